using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Tests.Providers;

/// <summary>Signs requests the way each provider does, written out from the providers' documentation (not from WebhookKit's code).</summary>
internal static class TestSignatures
{
    public const long Now = 1_700_000_000;
    public const string GitHubSecret = "github-secret-0123456789";
    public const string StripeSecret = "whsec_stripe_secret_0123456789";
    public const string SlackSecret = "slack-signing-secret-0123456789";
    public const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string ShopifySecret = "shopify-client-secret-0123456789";
    public const string TwilioToken = "twilio-auth-token-0123456789";
    public const string HmacSecret = "hmac-shared-secret-0123456789";

    public static string NowText => Now.ToString(CultureInfo.InvariantCulture);

    public static (string, string)[] GitHub(byte[] body, string delivery = "d-1", string eventName = "push") =>
        [("X-Hub-Signature-256", "sha256=" + Hex(HMACSHA256.HashData(Utf8(GitHubSecret), body))), ("X-GitHub-Delivery", delivery), ("X-GitHub-Event", eventName)];

    public static (string, string)[] Stripe(byte[] body) =>
        [("Stripe-Signature", $"t={NowText},v1=" + Hex(HMACSHA256.HashData(Utf8(StripeSecret), Concat(Utf8(NowText + "."), body))))];

    public static (string, string)[] Slack(byte[] body) =>
        [("X-Slack-Request-Timestamp", NowText), ("X-Slack-Signature", "v0=" + Hex(HMACSHA256.HashData(Utf8(SlackSecret), Concat(Utf8($"v0:{NowText}:"), body))))];

    public static (string, string)[] StandardWebhooks(byte[] body, string id = "msg_1", string secret = StandardSecret) =>
        [("webhook-id", id), ("webhook-timestamp", NowText), ("webhook-signature", StandardSignature(body, id, secret))];

    public static string StandardSignature(byte[] body, string id, string secret = StandardSecret) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Concat(Utf8($"{id}.{NowText}."), body)));

    public static (string, string)[] Shopify(byte[] body, string id = "w-1", string topic = "orders/create") =>
        [("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Utf8(ShopifySecret), body))), ("X-Shopify-Webhook-Id", id), ("X-Shopify-Topic", topic)];

    /// <summary>Twilio's X-Twilio-Signature over <paramref name="url"/> followed by the decoded fields sorted by name (then value).</summary>
    public static (string, string)[] Twilio(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1.
        return [("X-Twilio-Signature", Convert.ToBase64String(HMACSHA1.HashData(Utf8(TwilioToken), Utf8(data.ToString()))))];
#pragma warning restore CA5350
    }

    public static string HmacHex(string signedPrefix, byte[] body) => Hex(HMACSHA256.HashData(Utf8(HmacSecret), Concat(Utf8(signedPrefix), body)));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Concat(byte[] first, byte[] second) => [.. first, .. second];

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
