using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WebhookKit.Testing;

/// <summary>
/// Signs as Mailgun does: <c>signature</c> = hex HMAC-SHA256(HTTP webhook signing key, <c>timestamp</c> + <c>token</c>),
/// carried in the body beside the event, not in a header.
/// </summary>
public sealed class MailgunSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    internal MailgunSigner(string signingKey, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        _key = Encoding.UTF8.GetBytes(signingKey);
        _timeProvider = timeProvider;
    }

    /// <summary>Computes the <c>signature</c> of a timestamp and token.</summary>
    /// <param name="timestamp">The <c>timestamp</c> value (Unix seconds), as sent.</param>
    /// <param name="token">The <c>token</c> value, as sent.</param>
    /// <returns>The lower-case hex HMAC-SHA256.</returns>
    public string Sign(string timestamp, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        ArgumentException.ThrowIfNullOrEmpty(token);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(timestamp + token)));
    }

    /// <summary>
    /// Builds a JSON webhook body, <c>{"signature":{…},"event-data":…}</c>, timestamped now and signed. The token is
    /// the delivery's event id: pass the same one to send a retry, a new one (the default) for another delivery.
    /// </summary>
    /// <param name="eventData">The <c>event-data</c> JSON object, for example <c>{"event":"delivered",…}</c>.</param>
    /// <param name="token">The <c>token</c>; 50 random characters when <see langword="null"/>.</param>
    /// <returns>The body.</returns>
    public string CreateWebhook(string eventData, string? token = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventData);
        token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(25));
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("signature");
            writer.WriteString("timestamp", timestamp);
            writer.WriteString("token", token);
            writer.WriteString("signature", Sign(timestamp, token));
            writer.WriteEndObject();
            writer.WritePropertyName("event-data");
            writer.WriteRawValue(eventData);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
