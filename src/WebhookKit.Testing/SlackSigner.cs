using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>
/// Signs requests as Slack does (Events API, slash commands, interactivity): <c>X-Slack-Signature: v0=&lt;hex&gt;</c>, the
/// HMAC-SHA256 of <c>"v0:{X-Slack-Request-Timestamp}:{body}"</c> keyed with the app's signing secret.
/// </summary>
public sealed class SlackSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    internal SlackSigner(string signingSecret, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _timeProvider = timeProvider;
    }

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>The header that carries the signed timestamp.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>Computes the <c>X-Slack-Signature</c> value for a body, timestamped now.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <param name="timestamp">Receives the <c>X-Slack-Request-Timestamp</c> value to send with it.</param>
    /// <returns>The header value.</returns>
    public string Sign(ReadOnlySpan<byte> body, out string timestamp)
    {
        timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Sign(timestamp, body);
    }

    /// <summary>Computes the <c>X-Slack-Signature</c> value for a body with a given timestamp (to test the tolerance).</summary>
    /// <param name="timestamp">The <c>X-Slack-Request-Timestamp</c> value (Unix seconds), as sent.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns><c>v0=</c> followed by the lower-case hex HMAC-SHA256.</returns>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes("v0:" + timestamp + ":"));
        hmac.AppendData(body);
        return "v0=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
