using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>
/// Signs bodies as Paddle Billing does: <c>Paddle-Signature: ts=&lt;unix&gt;;h1=&lt;hex&gt;</c>, the hex HMAC-SHA256 of
/// <c>"{ts}:{body}"</c> keyed with the endpoint secret key.
/// </summary>
public sealed class PaddleSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    internal PaddleSigner(string secret, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
        _timeProvider = timeProvider;
    }

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "Paddle-Signature";

    /// <summary>Computes the <c>Paddle-Signature</c> value for a body, timestamped now.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The header value.</returns>
    public string Sign(ReadOnlySpan<byte> body) => Sign(body, _timeProvider.GetUtcNow());

    /// <summary>Computes the <c>Paddle-Signature</c> value for a body at a given time.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <param name="timestamp">The signing time (whole seconds are used).</param>
    /// <returns>The header value.</returns>
    public string Sign(ReadOnlySpan<byte> body, DateTimeOffset timestamp)
    {
        var ts = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"ts={ts};h1={ComputeH1(ts, body)}";
    }

    /// <summary>Computes one <c>h1</c> value: the lower-case hex HMAC-SHA256 of <c>"{ts}:{body}"</c>.</summary>
    /// <param name="timestamp">The <c>ts</c> value, Unix seconds as text.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The hex digest.</returns>
    public string ComputeH1(string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + ":"));
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
