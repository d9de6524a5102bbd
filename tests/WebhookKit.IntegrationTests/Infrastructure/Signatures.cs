using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>Signs deliveries the way each provider does, for tests (independent of the library's verifiers).</summary>
public static class Signatures
{
    public static string GitHub(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static string Stripe(string secret, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(body).ToArray();
        return $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }

    public static string StandardWebhooks(string whsecSecret, string id, long timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(whsecSecret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
