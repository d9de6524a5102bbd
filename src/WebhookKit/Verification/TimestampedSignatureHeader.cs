using Microsoft.AspNetCore.Http;

namespace WebhookKit.Verification;

/// <summary>
/// One header holding a signed timestamp and a list of signatures, as Stripe (<c>t=…,v1=…,v1=…</c>) and Paddle
/// (<c>ts=…;h1=…;h1=…</c>) send it: every listed signature is tried against every key over
/// <c>"{timestamp}{separator}{raw body}"</c>, in constant time, once the timestamp is within the tolerance. The public
/// verifiers of those providers are this with their names.
/// </summary>
internal sealed class TimestampedSignatureHeader
{
    private readonly string _headerName;
    private readonly char _separator;
    private readonly string _timestampKey;
    private readonly string _signatureKey;
    private readonly byte _signedSeparator;
    private readonly HmacKeySet _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;
    private readonly string _missing;
    private readonly string _noTimestamp;
    private readonly string _noMatchWhere;

    /// <param name="headerName">The header, e.g. <c>Stripe-Signature</c>.</param>
    /// <param name="separator">What separates its entries (<c>,</c> or <c>;</c>).</param>
    /// <param name="timestampKey">The timestamp entry's key with its <c>=</c> (<c>t=</c>, <c>ts=</c>).</param>
    /// <param name="signatureKey">A signature entry's key with its <c>=</c> (<c>v1=</c>, <c>h1=</c>); entries of other schemes are skipped.</param>
    /// <param name="signedSeparator">The character between the timestamp and the body in the signed content (<c>.</c>, <c>:</c>).</param>
    /// <param name="keys">The secrets' keys.</param>
    /// <param name="tolerance">How far from now the timestamp may be.</param>
    /// <param name="timeProvider">The clock the timestamp is judged by.</param>
    public TimestampedSignatureHeader(string headerName, char separator, string timestampKey, string signatureKey, char signedSeparator, HmacKeySet keys, TimeSpan tolerance, TimeProvider timeProvider)
    {
        _headerName = headerName;
        _separator = separator;
        _timestampKey = timestampKey;
        _signatureKey = signatureKey;
        _signedSeparator = (byte)signedSeparator;
        _keys = keys;
        _tolerance = tolerance;
        _timeProvider = timeProvider;
        _missing = headerName + " missing or repeated";
        _noTimestamp = $"{headerName} has no single numeric {timestampKey.TrimEnd('=')}";
        _noMatchWhere = $"every {signatureKey.TrimEnd('=')} signature of {headerName}";
    }

    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!SignatureMath.TryGetSingle(headers[_headerName], out var header))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, _missing);
        }

        if (!TryParseTimestamp(header, out var timestampText, out var timestamp))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, _noTimestamp);
        }

        if (!WebhookSignature.IsWithinTolerance(timestamp, _timeProvider, _tolerance))
        {
            return WebhookVerificationResult.OutsideTolerance(timestamp, _timeProvider, _tolerance);
        }

        // "{timestamp}{separator}" then the body, hashed in sequence: no joined copy of the body.
        Span<byte> prefix = stackalloc byte[WebhookSignature.MaxTimestampDigits + 1];
        SignatureMath.TryWriteAscii(timestampText, prefix, out var written);
        prefix[written++] = _signedSeparator;
        return SignatureList.MatchesAny(_keys, header, _separator, _signatureKey, base64: false, trimEntries: true, prefix[..written], body)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, _keys.NoMatchReason(_noMatchWhere));
    }

    private bool TryParseTimestamp(string header, out ReadOnlySpan<char> text, out long value)
    {
        text = default;
        value = 0;
        var found = false;
        var span = header.AsSpan();
        foreach (var range in span.Split(_separator))
        {
            var item = span[range].Trim();
            if (!item.StartsWith(_timestampKey, StringComparison.Ordinal))
            {
                continue;
            }

            var digits = item[_timestampKey.Length..];
            if (found || !WebhookSignature.TryParseUnixSeconds(digits, out value))
            {
                return false;
            }

            text = digits;
            found = true;
        }

        return found;
    }
}
