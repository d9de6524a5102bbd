using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>
/// Signs bodies as Stripe does: <c>Stripe-Signature: t=&lt;unix&gt;,v1=&lt;hex&gt;</c> over <c>"{t}.{body}"</c>,
/// keyed with the whole <c>whsec_…</c> string.
/// </summary>
public sealed class StripeSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    internal StripeSigner(string secret, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
        _timeProvider = timeProvider;
    }

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Computes the <c>Stripe-Signature</c> value for a body, timestamped now.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The header value.</returns>
    public string Sign(ReadOnlySpan<byte> body) => Sign(body, _timeProvider.GetUtcNow());

    /// <summary>Computes the <c>Stripe-Signature</c> value for a body with a given timestamp (to test tolerance).</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <param name="timestamp">The signing time.</param>
    /// <returns>The header value.</returns>
    public string Sign(ReadOnlySpan<byte> body, DateTimeOffset timestamp)
    {
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={ComputeV1(t, body)}";
    }

    /// <summary>Computes only the <c>v1</c> hex value for a timestamp and body.</summary>
    /// <param name="timestamp">The <c>t</c> value, as sent.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The lower-case hex HMAC-SHA256.</returns>
    public string ComputeV1(string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, signed));
    }
}
