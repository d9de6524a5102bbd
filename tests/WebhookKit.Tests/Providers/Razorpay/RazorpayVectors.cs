namespace WebhookKit.Tests.Providers.Razorpay;

/// <summary>
/// Razorpay's known answer, from its own Node SDK's test of <c>validateWebhookSignature</c>
/// (razorpay/razorpay-node, test/utils/razorpay-utils.spec.js): checked independently with
/// <c>printf '%s' '{"a":1,"b":2,"c":{"d":3}}' | openssl dgst -sha256 -hmac 123456</c>.
/// </summary>
internal static class RazorpayVectors
{
    public const string Secret = "123456";
    public const string Body = """{"a":1,"b":2,"c":{"d":3}}""";
    public const string Signature = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc";

    /// <summary>The SDK's wrong signature (not hex of the right length).</summary>
    public const string WrongSignature = "sdfafds";
}
