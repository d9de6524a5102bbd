using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Sample.Demo;

/// <summary>Signs deliveries the way GitHub, Stripe and GitLab do, independently of WebhookKit's verifiers.</summary>
public static class DemoSignatures
{
    /// <summary><c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the body.</summary>
    public static string GitHub(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary><c>Stripe-Signature</c>: HMAC-SHA256 of <c>"{t}.{body}"</c>, keyed with the whole <c>whsec_…</c> string.</summary>
    public static string Stripe(string secret, long timestamp, byte[] body)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.UTF8.GetBytes(t + "."), .. body];
        return $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }

    /// <summary>
    /// Standard Webhooks <c>webhook-signature</c> (GitLab signing tokens): <c>v1,</c> and the base64 HMAC-SHA256 of
    /// <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>, keyed with the base64-decoded part after <c>whsec_</c>.
    /// </summary>
    public static string StandardWebhooks(string signingToken, string id, long timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(signingToken);
        var key = Convert.FromBase64String(signingToken["whsec_".Length..]);
        byte[] signed = [.. Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.")), .. body];
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
