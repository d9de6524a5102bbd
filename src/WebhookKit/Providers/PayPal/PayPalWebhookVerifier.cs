using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WebhookKit.Verification;

namespace WebhookKit.PayPal;

/// <summary>
/// Verifies PayPal webhook requests anywhere, with the code the PayPal receiver runs: <c>PAYPAL-TRANSMISSION-SIG</c> is
/// a base64 RSA PKCS#1 v1.5 signature, with SHA-256 (<c>PAYPAL-AUTH-ALGO: SHA256withRSA</c>), of
/// <c>{PAYPAL-TRANSMISSION-ID}|{PAYPAL-TRANSMISSION-TIME}|{webhook id}|{CRC-32 of the raw body, unsigned decimal}</c>,
/// by the certificate at <c>PAYPAL-CERT-URL</c>. That URL must be HTTPS on an allowed host
/// (<see cref="PayPalWebhookOptions.AllowedCertificateHosts"/>) before it is fetched; the certificate must chain to a
/// trusted root, be within its dates and be issued to PayPal's name; it is fetched once per URL and kept until it
/// expires. The transmission time must be within <see cref="PayPalWebhookOptions.Tolerance"/>. Thread-safe: build one
/// and share it, so that its certificates are shared.
/// </summary>
public sealed class PayPalWebhookVerifier
{
    internal const string TransmissionIdHeader = "PAYPAL-TRANSMISSION-ID";
    internal const string TransmissionTimeHeader = "PAYPAL-TRANSMISSION-TIME";
    internal const string TransmissionSignatureHeader = "PAYPAL-TRANSMISSION-SIG";
    internal const string CertificateUrlHeader = "PAYPAL-CERT-URL";
    internal const string AuthAlgorithmHeader = "PAYPAL-AUTH-ALGO";
    internal const string Algorithm = "SHA256withRSA";

    /// <summary>The longest signature accepted: RSA-4096.</summary>
    private const int MaxSignatureBytes = 512;

    private const int MaxSignatureChars = ((MaxSignatureBytes + 2) / 3) * 4;

    /// <summary>The longest transmission id (PayPal's schema allows 50 characters) and time (100) read.</summary>
    private const int MaxIdChars = 100;

    private const int MaxTimeChars = 100;

    /// <summary>Room for the signed content: id, time and webhook id as UTF-8 (at most 3 bytes a character), 3 separators, 10 digits.</summary>
    private const int MaxSignedBytes = ((MaxIdChars + MaxTimeChars + PayPalWebhookOptions.MaxWebhookIdChars) * 3) + 3 + 10;

    private readonly byte[] _webhookId;
    private readonly (string Host, int Port)[] _hosts;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a verifier with the options' webhook id, allow-list, trust and tolerance, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="httpClientFactory">Creates the client certificates are fetched with (<see cref="Microsoft.Extensions.DependencyInjection.PayPalWebhooksBuilderExtensions.CertificateHttpClientName"/>).</param>
    public PayPalWebhookVerifier(PayPalWebhookOptions options, IHttpClientFactory httpClientFactory)
        : this(options, httpClientFactory, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the options' webhook id, allow-list, trust and tolerance.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="httpClientFactory">Creates the client certificates are fetched with (<see cref="Microsoft.Extensions.DependencyInjection.PayPalWebhooksBuilderExtensions.CertificateHttpClientName"/>).</param>
    /// <param name="timeProvider">The clock the transmission time and the certificates' dates are judged by.</param>
    public PayPalWebhookVerifier(PayPalWebhookOptions options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
        : this(options, httpClientFactory, timeProvider, null, "paypal")
    {
    }

    internal PayPalWebhookVerifier(PayPalWebhookOptions options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger? logger, string receiver)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _webhookId = Encoding.UTF8.GetBytes(options.WebhookId ?? string.Empty);
        _hosts = PayPalCertificateUrl.ParseHosts(options.EffectiveCertificateHosts);
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
        Certificates = new PayPalCertificateStore(options, httpClientFactory, timeProvider, logger, receiver);
    }

    /// <summary>Gets the certificates fetched so far.</summary>
    internal PayPalCertificateStore Certificates { get; }

    /// <summary>
    /// Verifies a request: its headers and its raw body, byte for byte as received. Completes at once unless the
    /// certificate must be fetched first; a refused URL is never fetched.
    /// </summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body; it must stay unchanged until the task completes.</param>
    /// <param name="cancellationToken">Stops waiting for a certificate fetch (the fetch itself goes on, for others).</param>
    /// <returns>Verified, or why not; <see cref="WebhookVerificationFailure.CertificateUnavailable"/> means "try again later" (503).</returns>
    public ValueTask<WebhookVerificationResult> VerifyAsync(IHeaderDictionary headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (Check(headers) is { } refused)
        {
            return new(refused);
        }

        // The usual case first, with nothing parsed: the store keeps only URLs that passed the allow-list (it takes
        // nothing else), so a hit on the header's exact text is an allowed URL. Any other text is judged before a fetch.
        var url = headers[CertificateUrlHeader].ToString();
        if (url.Length <= PayPalCertificateUrl.MaxChars && Certificates.TryGetCached(url, out var key))
        {
            return new(Matches(headers, body.Span, key));
        }

        return PayPalCertificateUrl.TryAllow(url, _hosts, out var allowed)
            ? FetchThenVerifyAsync(headers, body, allowed, cancellationToken)
            : new(WebhookVerificationResult.Failed(WebhookVerificationFailure.CertificateUrlNotAllowed, "PAYPAL-CERT-URL is not an HTTPS URL on an allowed host (AllowedCertificateHosts); not fetched"));
    }

    private async ValueTask<WebhookVerificationResult> FetchThenVerifyAsync(IHeaderDictionary headers, ReadOnlyMemory<byte> body, PayPalCertificateUrl url, CancellationToken cancellationToken)
    {
        var certificate = await Certificates.GetAsync(url, cancellationToken).ConfigureAwait(false);
        return certificate.Key is { } key
            ? Matches(headers, body.Span, key)
            : WebhookVerificationResult.Failed(certificate.Failure, certificate.Description);
    }

    /// <summary>Everything that costs nothing, before any certificate is looked up; <see langword="null"/> when it all holds.</summary>
    private WebhookVerificationResult? Check(IHeaderDictionary headers)
    {
        const string Missing = "PAYPAL-TRANSMISSION-SIG, -CERT-URL or -AUTH-ALGO missing or repeated";
        if (!SignatureMath.TryGetSingle(headers[TransmissionSignatureHeader], out var signature)
            || !SignatureMath.TryGetSingle(headers[CertificateUrlHeader], out _)
            || !SignatureMath.TryGetSingle(headers[AuthAlgorithmHeader], out var algorithm))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, Missing);
        }

        if (!algorithm.Equals(Algorithm, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, "PAYPAL-AUTH-ALGO is not SHA256withRSA");
        }

        if (signature.Length > MaxSignatureChars || signature.Length % 4 != 0)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, "PAYPAL-TRANSMISSION-SIG is not base64 of at most 512 bytes");
        }

        if (!SignatureMath.TryGetSingle(headers[TransmissionIdHeader], out var id))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.IdMissing, "PAYPAL-TRANSMISSION-ID missing or repeated");
        }

        if (id.Length > MaxIdChars || id.Contains('|'))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.IdMalformed, "PAYPAL-TRANSMISSION-ID is too long or contains '|'");
        }

        if (!SignatureMath.TryGetSingle(headers[TransmissionTimeHeader], out var time))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMissing, "PAYPAL-TRANSMISSION-TIME missing or repeated");
        }

        if (time.Length > MaxTimeChars || time.Contains('|') || !TryParseTime(time, out var signedAt))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, "PAYPAL-TRANSMISSION-TIME is not an ISO 8601 date and time");
        }

        return WebhookSignature.IsWithinTolerance(signedAt, _timeProvider, _tolerance)
            ? null
            : WebhookVerificationResult.OutsideTolerance(signedAt, _timeProvider, _tolerance);
    }

    /// <summary>The signature check proper, once the key is known: the signed content is built on the stack.</summary>
    private WebhookVerificationResult Matches(IHeaderDictionary headers, ReadOnlySpan<byte> body, RSA key)
    {
        const string Refused = "PAYPAL-TRANSMISSION-SIG malformed or not matching";
        Span<byte> presented = stackalloc byte[MaxSignatureBytes];
        if (!Convert.TryFromBase64String(headers[TransmissionSignatureHeader].ToString(), presented, out var presentedLength) || presentedLength == 0)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, Refused);
        }

        Span<byte> signed = stackalloc byte[MaxSignedBytes];
        var length = Encoding.UTF8.GetBytes(headers[TransmissionIdHeader].ToString(), signed);
        signed[length++] = (byte)'|';
        length += Encoding.UTF8.GetBytes(headers[TransmissionTimeHeader].ToString(), signed[length..]);
        signed[length++] = (byte)'|';
        _webhookId.CopyTo(signed[length..]);
        length += _webhookId.Length;
        signed[length++] = (byte)'|';
        Crc32.HashToUInt32(body).TryFormat(signed[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;

        try
        {
            // A public key and a public signature: nothing secret to time.
            return key.VerifyData(signed[..length], presented[..presentedLength], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                ? WebhookVerificationResult.Verified
                : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, Refused);
        }
        catch (CryptographicException)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, Refused);
        }
    }

    /// <summary>An ISO 8601 date and time with an offset (PayPal sends <c>2016-02-18T20:01:35Z</c>), as Unix seconds.</summary>
    private static bool TryParseTime(string text, out long unixSeconds)
    {
        unixSeconds = 0;
        if (text.Length < 20 || text[10] != 'T'
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return false;
        }

        unixSeconds = time.ToUnixTimeSeconds();
        return true;
    }
}
