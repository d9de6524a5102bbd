using System.Buffers;
using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace WebhookKit.Verification;

/// <summary>
/// Allocation-free building blocks of signature verification, the ones every built-in provider uses: decoding a
/// presented signature, parsing and judging a signed timestamp, and telling a form-encoded body. With
/// <see cref="HmacKeySet"/> they are what a custom provider needs to verify an HMAC scheme (see
/// <c>docs/writing-a-provider.md</c>).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The most digits a Unix-seconds timestamp may have (the digits of <see cref="long.MaxValue"/>).</summary>
    internal const int MaxTimestampDigits = 19;

    private const string FormMediaType = "application/x-www-form-urlencoded";

    /// <summary>Decodes hex (either case) of exactly <paramref name="destination"/>'s length.</summary>
    /// <param name="hex">The presented text, for example what follows <c>sha256=</c>.</param>
    /// <param name="destination">Receives the bytes; its length is the signature's length (32 for SHA-256).</param>
    /// <returns><see langword="true"/> when <paramref name="hex"/> is exactly that many bytes of hex; otherwise <see langword="false"/>, with <paramref name="destination"/> undefined.</returns>
    public static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        return Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done
            && written == destination.Length;
    }

    /// <summary>Decodes standard padded base64 of exactly <paramref name="destination"/>'s length.</summary>
    /// <param name="base64">The presented text.</param>
    /// <param name="destination">Receives the bytes; its length is the signature's length (32 for SHA-256).</param>
    /// <returns><see langword="true"/> when <paramref name="base64"/> is exactly that many bytes of base64; otherwise <see langword="false"/>, with <paramref name="destination"/> undefined.</returns>
    public static bool TryDecodeBase64(ReadOnlySpan<char> base64, Span<byte> destination)
    {
        // A padded base64 of n bytes is 4 * ceil(n / 3) characters; anything else is not one of ours.
        if (base64.Length != ((destination.Length + 2) / 3) * 4)
        {
            return false;
        }

        return Convert.TryFromBase64Chars(base64, destination, out var written) && written == destination.Length;
    }

    /// <summary>Parses a signed timestamp in Unix seconds: ASCII digits only (no sign, no spaces), at most 19 of them.</summary>
    /// <param name="text">The presented text.</param>
    /// <param name="unixSeconds">The parsed value, or 0.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is such a number.</returns>
    public static bool TryParseUnixSeconds(ReadOnlySpan<char> text, out long unixSeconds)
    {
        unixSeconds = 0;
        return text.Length is > 0 and <= MaxTimestampDigits
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds);
    }

    /// <summary>
    /// Tells whether a signed time is at most <paramref name="tolerance"/> from now, in either direction (a sender's
    /// clock may run ahead): the replay defence of timestamped schemes. Both ends are inclusive.
    /// </summary>
    /// <param name="signedUnixSeconds">The signed time, in Unix seconds.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> outside tests.</param>
    /// <param name="tolerance">How far from now the signed time may be.</param>
    /// <returns><see langword="true"/> when the signed time is within the tolerance.</returns>
    public static bool IsWithinTolerance(long signedUnixSeconds, TimeProvider timeProvider, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var seconds = (long)tolerance.TotalSeconds;
        // Compared as bounds around now, never as a difference: a hostile timestamp near long.MinValue cannot overflow.
        return signedUnixSeconds >= now - seconds && signedUnixSeconds <= now + seconds;
    }

    /// <summary>
    /// Tells whether a request's <c>Content-Type</c> is <c>application/x-www-form-urlencoded</c>, with or without
    /// parameters, in any case. Only the media type (what precedes any <c>;</c>, trimmed) is compared, without parsing
    /// the header into an object, so that JSON deliveries allocate nothing.
    /// </summary>
    /// <param name="contentType">The request's <c>Content-Type</c> values; none, or more than one, is not a form.</param>
    /// <returns><see langword="true"/> for a single form-encoded content type.</returns>
    public static bool IsFormEncoded(StringValues contentType)
    {
        if (contentType.Count != 1 || contentType[0] is not { } value)
        {
            return false;
        }

        var mediaType = value.AsSpan();
        var parameters = mediaType.IndexOf(';');
        if (parameters >= 0)
        {
            mediaType = mediaType[..parameters];
        }

        return mediaType.Trim().Equals(FormMediaType, StringComparison.OrdinalIgnoreCase);
    }
}
