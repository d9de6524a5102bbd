using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>Signs deliveries the way each provider does, for tests (independent of the library's verifiers).</summary>
public static class Signatures
{
    /// <summary>GitHub's <c>X-Hub-Signature-256</c> value: <c>sha256=</c> + hex HMAC-SHA256(secret, body).</summary>
    public static string GitHub(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>GitHub's legacy <c>X-Hub-Signature</c> value: <c>sha1=</c> + hex HMAC-SHA1(secret, body).</summary>
    public static string GitHubSha1(string secret, byte[] body)
    {
#pragma warning disable CA5350 // GitHub's legacy signature scheme is HMAC-SHA1.
        return "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));
#pragma warning restore CA5350
    }

    /// <summary>Stripe's <c>Stripe-Signature</c> value with one <c>v1</c> signature.</summary>
    public static string Stripe(string secret, long timestamp, byte[] body) =>
        $"t={timestamp},v1={StripeV1(secret, timestamp, body)}";

    /// <summary>The hex of one Stripe <c>v1</c> signature: HMAC-SHA256 keyed with the whole secret over <c>"{t}.{body}"</c>.</summary>
    public static string StripeV1(string secret, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(body).ToArray();
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>A Standard Webhooks <c>webhook-signature</c> value (GitLab signing tokens): <c>v1,</c> + base64 HMAC.</summary>
    public static string StandardWebhooks(string whsecSecret, string id, long timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(whsecSecret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>A fresh Standard Webhooks signing token, <c>whsec_</c> + base64 of 32 random bytes.</summary>
    public static string NewSigningToken() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The current Unix time in seconds, as providers put it in signed timestamps.</summary>
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
