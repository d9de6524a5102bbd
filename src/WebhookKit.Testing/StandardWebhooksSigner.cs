using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>
/// Signs bodies per Standard Webhooks (GitLab signing tokens, Svix): <c>webhook-signature: v1,&lt;base64&gt;</c>
/// over <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>, keyed with the base64 part of a <c>whsec_</c> secret.
/// </summary>
public sealed class StandardWebhooksSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    internal StandardWebhooksSigner(string secret, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            throw new ArgumentException("A Standard Webhooks secret starts with 'whsec_'.", nameof(secret));
        }

        _key = Convert.FromBase64String(secret["whsec_".Length..]);
        _timeProvider = timeProvider;
    }

    /// <summary>Computes the <c>webhook-signature</c> value, timestamped now.</summary>
    /// <param name="webhookId">The <c>webhook-id</c> that will be sent.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <param name="timestamp">Receives the <c>webhook-timestamp</c> value to send.</param>
    /// <returns>The header value.</returns>
    public string Sign(string webhookId, ReadOnlySpan<byte> body, out string timestamp)
    {
        timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Sign(webhookId, timestamp, body);
    }

    /// <summary>Computes the <c>webhook-signature</c> value for given id, timestamp and body.</summary>
    /// <param name="webhookId">The <c>webhook-id</c> that will be sent.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> that will be sent (unix seconds).</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The header value, <c>v1,&lt;base64&gt;</c>.</returns>
    public string Sign(string webhookId, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(_key, signed));
    }
}
