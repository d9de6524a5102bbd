using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WebhookKit.Hmac;

namespace WebhookKit.Testing;

/// <summary>
/// Signs deliveries for a generic HMAC receiver (<c>AddHmac</c>), as its <see cref="HmacWebhookOptions"/> describe the
/// scheme: <see cref="HmacWebhookOptions.SignaturePrefix"/> + the hex or base64 HMAC (SHA-256, SHA-1 or SHA-512) of the
/// signed content, the <see cref="HmacWebhookOptions.SignedContent"/> template with <c>{timestamp}</c>, <c>{id}</c> and
/// <c>{body}</c> filled in. The scheme is read once, when the signer is created.
/// </summary>
public sealed class HmacSigner
{
    private readonly byte[] _key;
    private readonly HmacSignatureAlgorithm _algorithm;
    private readonly bool _base64;
    private readonly string _prefix;
    private readonly string _template;
    private readonly TimeProvider _timeProvider;

    internal HmacSigner(string secret, HmacWebhookOptions scheme, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(scheme);
        if (string.IsNullOrWhiteSpace(scheme.SignatureHeader))
        {
            throw new ArgumentException("The scheme has no SignatureHeader.", nameof(scheme));
        }

        if (!Enum.IsDefined(scheme.Algorithm) || !Enum.IsDefined(scheme.SignatureEncoding))
        {
            throw new ArgumentException("The scheme's Algorithm or SignatureEncoding is not a defined value.", nameof(scheme));
        }

        _key = Encoding.UTF8.GetBytes(secret);
        _algorithm = scheme.Algorithm;
        _base64 = scheme.SignatureEncoding == HmacSignatureEncoding.Base64;
        _prefix = scheme.SignaturePrefix ?? string.Empty;
        SignatureHeader = scheme.SignatureHeader;
        TimestampHeader = string.IsNullOrWhiteSpace(scheme.TimestampHeader) ? null : scheme.TimestampHeader;

        // The receiver's default: "{timestamp}.{body}" with a timestamp header, else the body alone.
        _template = !string.IsNullOrEmpty(scheme.SignedContent) ? scheme.SignedContent
            : TimestampHeader is null ? "{body}"
            : "{timestamp}.{body}";
        if (!_template.EndsWith("{body}", StringComparison.Ordinal))
        {
            throw new ArgumentException("The scheme's SignedContent must end with '{body}'.", nameof(scheme));
        }

        _timeProvider = timeProvider;
    }

    /// <summary>Gets the header that carries the signature (the scheme's <see cref="HmacWebhookOptions.SignatureHeader"/>).</summary>
    public string SignatureHeader { get; }

    /// <summary>Gets the header that carries the timestamp, or <see langword="null"/> when the scheme signs none.</summary>
    public string? TimestampHeader { get; }

    /// <summary>Computes the signature header's value, timestamped now when the scheme has a <see cref="TimestampHeader"/>.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <param name="eventId">The event id header's value, when the template signs <c>{id}</c>; else <see langword="null"/>.</param>
    /// <param name="timestamp">Receives the timestamp header's value to send (Unix seconds), or <see langword="null"/> when the scheme has none.</param>
    /// <returns>The header value.</returns>
    public string Sign(ReadOnlySpan<byte> body, string? eventId, out string? timestamp)
    {
        timestamp = TimestampHeader is null ? null : _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Sign(timestamp, eventId, body);
    }

    /// <summary>Computes the signature header's value for a given timestamp, event id and body (to test the tolerance).</summary>
    /// <param name="timestamp">The timestamp header's value, when the template signs <c>{timestamp}</c>.</param>
    /// <param name="eventId">The event id header's value, when the template signs <c>{id}</c>.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The prefix followed by the encoded HMAC.</returns>
    /// <exception cref="ArgumentException">The template signs a value that is <see langword="null"/>, or has a placeholder the receiver does not know.</exception>
    public string Sign(string? timestamp, string? eventId, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(
            _algorithm switch
            {
                HmacSignatureAlgorithm.Sha1 => HashAlgorithmName.SHA1,
                HmacSignatureAlgorithm.Sha512 => HashAlgorithmName.SHA512,
                _ => HashAlgorithmName.SHA256,
            },
            _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(SignedPrefix(timestamp, eventId)));
        hmac.AppendData(body);
        var mac = hmac.GetHashAndReset();
        return _prefix + (_base64 ? Convert.ToBase64String(mac) : Convert.ToHexStringLower(mac));
    }

    /// <summary>The template before its final <c>{body}</c>, placeholders filled in one pass (a value is never re-read as a placeholder).</summary>
    private string SignedPrefix(string? timestamp, string? eventId)
    {
        var rest = _template.AsSpan(0, _template.Length - "{body}".Length);
        var prefix = new StringBuilder();
        while (!rest.IsEmpty)
        {
            var open = rest.IndexOf('{');
            if (open < 0)
            {
                prefix.Append(rest);
                break;
            }

            prefix.Append(rest[..open]);
            rest = rest[open..];
            if (rest.StartsWith("{timestamp}", StringComparison.Ordinal))
            {
                prefix.Append(timestamp ?? throw new ArgumentException("The scheme signs '{timestamp}': give a timestamp.", nameof(timestamp)));
                rest = rest["{timestamp}".Length..];
            }
            else if (rest.StartsWith("{id}", StringComparison.Ordinal))
            {
                prefix.Append(eventId ?? throw new ArgumentException("The scheme signs '{id}': give the event id.", nameof(eventId)));
                rest = rest["{id}".Length..];
            }
            else
            {
                throw new ArgumentException("The scheme's SignedContent may only contain '{timestamp}' and '{id}' before a final '{body}'.", nameof(timestamp));
            }
        }

        return prefix.ToString();
    }
}
