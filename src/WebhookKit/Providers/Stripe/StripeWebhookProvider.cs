using System.Globalization;
using System.Security.Cryptography;
using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Stripe;

/// <summary>
/// Stripe: <c>Stripe-Signature: t=&lt;unix&gt;,v1=&lt;hex&gt;[,v1=…][,v0=…]</c> over <c>"{t}.{raw body}"</c>, keyed with
/// the whole <c>whsec_…</c> string. Any <c>v1</c> matching any secret is accepted; other schemes are ignored.
/// Id and type are the body's top-level <c>id</c> and <c>type</c>.
/// </summary>
internal sealed class StripeWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "stripe";
    private const string SignatureHeader = "Stripe-Signature";
    private const int MaxTimestampDigits = 19;

    private readonly HmacKey[] _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    public StripeWebhookProvider(StripeWebhookOptions options, TimeProvider timeProvider)
    {
        _keys = [.. options.Secrets.Select(secret => new HmacKey(HashAlgorithmName.SHA256, System.Text.Encoding.UTF8.GetBytes(secret)))];
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => [];

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var body = request.Body.Span;
        if (!VerifySignature(request.Headers, body, out var failureReason))
        {
            return WebhookProviderResult.Unauthorized(failureReason);
        }

        // Id and type come from the signed body (each at most once, or the dedupe key and StripeEvent.Id could differ).
        return TopLevelJsonScanner.TryReadStrings(body, "id"u8, "type"u8, out var id, out var type)
            ? WebhookProviderResult.Accepted(id, type, null, eventIdSigned: true)
            : WebhookProviderResult.BadRequest("Stripe body is not a JSON object with one string id and one string type");
    }

    /// <summary>
    /// Step 4 of the receive path on its own (also what the benchmarks compare with Stripe.net):
    /// the header, the timestamp tolerance and any <c>v1</c> against every secret. <paramref name="failureReason"/> is fixed text.
    /// </summary>
    internal bool VerifySignature(Microsoft.AspNetCore.Http.IHeaderDictionary headers, ReadOnlySpan<byte> body, out string failureReason)
    {
        if (!SignatureMath.TryGetSingle(headers[SignatureHeader], out var header))
        {
            failureReason = "Stripe-Signature missing or repeated";
            return false;
        }

        if (!TryParseTimestamp(header, out var timestampText, out var timestamp))
        {
            failureReason = "Stripe-Signature has no single numeric timestamp";
            return false;
        }

        if (!SignatureMath.IsWithinTolerance(timestamp, _timeProvider, _tolerance))
        {
            failureReason = "Stripe-Signature timestamp outside tolerance";
            return false;
        }

        if (!Verify(header, timestampText, body))
        {
            failureReason = "Stripe-Signature has no matching v1 signature";
            return false;
        }

        failureReason = string.Empty;
        return true;
    }

    private static bool TryParseTimestamp(string header, out ReadOnlySpan<char> text, out long value)
    {
        text = default;
        value = 0;
        var found = false;
        var span = header.AsSpan();
        foreach (var range in span.Split(','))
        {
            var item = span[range].Trim();
            if (!item.StartsWith("t=", StringComparison.Ordinal))
            {
                continue;
            }

            var digits = item[2..];
            if (found || digits.Length is 0 or > MaxTimestampDigits
                || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }

            text = digits;
            found = true;
        }

        return found;
    }

    private bool Verify(string header, ReadOnlySpan<char> timestampText, ReadOnlySpan<byte> body)
    {
        Span<byte> prefix = stackalloc byte[MaxTimestampDigits + 1];
        SignatureMath.TryWriteAscii(timestampText, prefix, out var written);
        prefix[written++] = (byte)'.';

        Span<byte> expected = stackalloc byte[SignatureMath.Sha256Length];
        Span<byte> presented = stackalloc byte[SignatureMath.Sha256Length];
        var span = header.AsSpan();
        var match = false;
        foreach (var key in _keys)
        {
            // "{t}." then the body, hashed in sequence: no joined copy of the body.
            key.Compute(prefix[..written], body, expected);
            foreach (var range in span.Split(','))
            {
                var item = span[range].Trim();
                if (item.StartsWith("v1=", StringComparison.Ordinal) && SignatureMath.TryDecodeHex(item[3..], presented))
                {
                    match |= CryptographicOperations.FixedTimeEquals(presented, expected);
                }
            }
        }

        return match;
    }
}
