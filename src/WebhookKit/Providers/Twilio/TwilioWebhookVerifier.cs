using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Twilio;

/// <summary>
/// Verifies Twilio webhooks anywhere, with the code the Twilio receiver runs: <c>X-Twilio-Signature</c> = base64
/// HMAC-SHA1(auth token, URL + form parameters sorted by name, each name followed by its value) against every auth
/// token. A non-form body is signed through the URL's <c>bodySHA256</c> query parameter (the hex SHA-256 of the body),
/// the signature then covering the URL alone. The URL is tried with and without its default port. Thread-safe: build
/// one and share it.
/// </summary>
public sealed class TwilioWebhookVerifier
{
    internal const string SignatureHeader = "X-Twilio-Signature";
    private const string BodyHashParameter = "bodySHA256";

    private readonly HmacKeySet _keys;
    private readonly int _maxFormFields;

    /// <summary>Initializes a verifier with the auth tokens and form field limit of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here. <see cref="TwilioWebhookOptions.PublicBaseUrl"/> is the receiver's concern: pass the whole signed URL to <see cref="Verify(string, IHeaderDictionary, ReadOnlySpan{byte})"/>.</param>
    public TwilioWebhookVerifier(TwilioWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha1, options.Secrets);
        _maxFormFields = options.MaxFormFields;
    }

    /// <summary>Verifies a webhook: the URL Twilio posted it to, its headers and its raw body, byte for byte as received.</summary>
    /// <param name="url">The absolute URL as Twilio has it configured and signed, query included, for example <c>https://hooks.example.com/webhooks/twilio?bodySHA256=…</c>.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(string url, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(url);
        var signedUrl = SignedUrl.Parse(url);
        return Verify(signedUrl, headers, body, out _);
    }

    /// <summary>As <see cref="Verify(string, IHeaderDictionary, ReadOnlySpan{byte})"/>; <paramref name="fields"/> are the verified form fields, or <see langword="null"/> for any other body.</summary>
    internal WebhookVerificationResult Verify(in SignedUrl url, IHeaderDictionary headers, ReadOnlySpan<byte> body, out List<KeyValuePair<string, string>>? fields)
    {
        ArgumentNullException.ThrowIfNull(headers);
        fields = null;
        Span<byte> presented = stackalloc byte[SignatureMath.Sha1Length];
        if (!SignatureMath.TryGetSingle(headers[SignatureHeader], out var signature))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, "X-Twilio-Signature missing, repeated or malformed");
        }

        if (!WebhookSignature.TryDecodeBase64(signature, presented))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, "X-Twilio-Signature missing, repeated or malformed");
        }

        if (string.IsNullOrEmpty(url.Scheme) || !url.Host.HasValue)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.UrlUnknown, "the request URL Twilio signed is unknown");
        }

        if (TryGetQueryValue(url.Query, BodyHashParameter, out var bodyHash))
        {
            // The signature covers the URL, and through its bodySHA256 the body.
            return BodyMatches(bodyHash, body) & Matches(presented, url, [])
                ? WebhookVerificationResult.Verified
                : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, "X-Twilio-Signature or bodySHA256 not matching");
        }

        if (WebhookSignature.IsFormEncoded(headers.ContentType))
        {
            // The signature covers the decoded, sorted fields, so they are counted first (one pass, nothing decoded):
            // an unsigned body of a million fields is refused before any decoding or sorting.
            var read = FormPayloadReader.TryReadAll(body, _maxFormFields, out var form);
            if (read == FormReadStatus.TooManyFields)
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailure.TooManyFormFields, "form body has too many fields");
            }

            if (read != FormReadStatus.Read || !Matches(presented, url, form))
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, "X-Twilio-Signature not matching");
            }

            fields = form;
            return WebhookVerificationResult.Verified;
        }

        if (!body.IsEmpty)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.BodyNotSigned, "a non-form body without bodySHA256 is not covered by X-Twilio-Signature");
        }

        return Matches(presented, url, [])
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, "X-Twilio-Signature not matching");
    }

    private static bool BodyMatches(string hex, ReadOnlySpan<byte> body)
    {
        Span<byte> expected = stackalloc byte[SignatureMath.Sha256Length];
        Span<byte> actual = stackalloc byte[SignatureMath.Sha256Length];
        if (!WebhookSignature.TryDecodeHex(hex, expected))
        {
            return false;
        }

        SHA256.HashData(body, actual);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static bool TryGetQueryValue(string query, string name, out string value)
    {
        var span = query.AsSpan().TrimStart('?');
        foreach (var range in span.Split('&'))
        {
            var pair = span[range];
            if (pair.Length > name.Length && pair[name.Length] == '=' && pair.StartsWith(name, StringComparison.Ordinal))
            {
                value = pair[(name.Length + 1)..].ToString();
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    private static int Write(byte[] destination, int offset, string text) =>
        offset + Encoding.UTF8.GetBytes(text, destination.AsSpan(offset));

    /// <summary>Checks the URL without and with its port (Twilio may sign either) followed by the sorted parameters, against every auth token.</summary>
    private bool Matches(ReadOnlySpan<byte> presented, SignedUrl url, List<KeyValuePair<string, string>> fields)
    {
        fields.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var parametersLength = 0;
        foreach (var (name, value) in fields)
        {
            parametersLength += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
        }

        var host = url.Host.Host;
        var port = url.Host.Port ?? (url.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
        string[] authorities = [host, string.Concat(host, ":", port.ToString(CultureInfo.InvariantCulture))];
        var maxUrlLength = Encoding.UTF8.GetMaxByteCount(url.Scheme.Length + 3 + authorities[1].Length + url.PathPrefix.Length + url.Path.Length + url.Query.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxUrlLength + parametersLength);
        try
        {
            var match = false;
            foreach (var authority in authorities)
            {
                var length = Write(rented, 0, url.Scheme);
                length = Write(rented, length, "://");
                length = Write(rented, length, authority);
                length = Write(rented, length, url.PathPrefix);
                length = Write(rented, length, url.Path);
                length = Write(rented, length, url.Query);
                foreach (var (name, value) in fields)
                {
                    length = Write(rented, length, name);
                    length = Write(rented, length, value);
                }

                // Both spellings are always computed: no early exit.
                match |= _keys.MatchesAny(presented, rented.AsSpan(0, length));
            }

            return match;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The parts of the URL Twilio signed: the scheme, the host (and port), a path prefix, the path and the raw query with its <c>?</c>.</summary>
    internal readonly record struct SignedUrl(string Scheme, HostString Host, string PathPrefix, string Path, string Query)
    {
        /// <summary>Splits an absolute URL as given, without normalizing it (the signature covers its exact text); no scheme or host leaves them empty.</summary>
        public static SignedUrl Parse(string url)
        {
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0)
            {
                return new SignedUrl(string.Empty, default, string.Empty, string.Empty, string.Empty);
            }

            var rest = url.AsSpan(schemeEnd + 3);
            var authorityEnd = rest.IndexOfAny('/', '?');
            var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
            var pathAndQuery = authorityEnd < 0 ? [] : rest[authorityEnd..];
            var queryStart = pathAndQuery.IndexOf('?');
            return new SignedUrl(
                url[..schemeEnd],
                authority.IsEmpty ? default : new HostString(authority.ToString()),
                string.Empty,
                (queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart]).ToString(),
                queryStart < 0 ? string.Empty : pathAndQuery[queryStart..].ToString());
        }
    }
}
