using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.Mailgun;

/// <summary>
/// Verifies Mailgun deliveries anywhere, with the code the Mailgun receiver runs. The signature is in the body (a JSON
/// webhook's <c>signature</c> object, or a form post's fields): <c>signature</c> is the hex HMAC-SHA256, with the HTTP
/// webhook signing key, of <c>timestamp</c> followed by <c>token</c>, and the timestamp must be within
/// <see cref="MailgunWebhookOptions.Tolerance"/>. It does not cover the event data: see SECURITY.md. Thread-safe:
/// build one and share it.
/// </summary>
public sealed class MailgunWebhookVerifier
{
    private const string Missing = "Mailgun signature, timestamp or token missing";
    private const string Malformed = "Mailgun signature, timestamp or token repeated or malformed";
    private const string Refused = "Mailgun signature malformed or not matching";

    private readonly HmacKeySet _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxFormFields;

    /// <summary>Initializes a verifier with the signing keys and tolerance of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    public MailgunWebhookVerifier(MailgunWebhookOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the signing keys and tolerance of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="timeProvider">The clock the signed timestamp is judged by.</param>
    public MailgunWebhookVerifier(MailgunWebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, options.Secrets);
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
        _maxFormFields = options.MaxFormFields;
    }

    /// <summary>
    /// Verifies a delivery: its raw body, byte for byte as received, read as a form when the headers say
    /// <c>application/x-www-form-urlencoded</c> and as JSON otherwise.
    /// </summary>
    /// <param name="headers">The request headers (only <c>Content-Type</c> is read).</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Verify(WebhookSignature.IsFormEncoded(headers.ContentType), body, readToken: false, out _, out _, out _);
    }

    /// <summary>
    /// Verifies a signature block read some other way (a multipart route post, a stored event): the three values as
    /// Mailgun sent them.
    /// </summary>
    /// <param name="timestamp">The <c>timestamp</c> value.</param>
    /// <param name="token">The <c>token</c> value.</param>
    /// <param name="signature">The <c>signature</c> value (hex).</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(string timestamp, string token, string signature)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(signature);
        Span<byte> timestampBytes = stackalloc byte[WebhookSignature.MaxTimestampDigits];
        Span<byte> tokenBytes = stackalloc byte[MailgunSignatureFields.MaxTokenBytes];
        Span<byte> signatureBytes = stackalloc byte[MailgunSignatureFields.SignatureChars];
        if (!SignatureMath.TryWriteAscii(timestamp, timestampBytes, out var timestampLength)
            || !SignatureMath.TryWriteAscii(token, tokenBytes, out var tokenLength)
            || !SignatureMath.TryWriteAscii(signature, signatureBytes, out var signatureLength))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, Malformed);
        }

        var fields = new MailgunSignatureFields
        {
            Timestamp = timestampBytes[..timestampLength],
            Token = tokenBytes[..tokenLength],
            Signature = signatureBytes[..signatureLength],
            ParentSignature = [],
        };
        return Check(ref fields);
    }

    /// <summary>
    /// As <see cref="Verify(IHeaderDictionary, ReadOnlySpan{byte})"/>, for the provider: also, when
    /// <paramref name="readToken"/>, the verified token (the event id: the one string this allocates, so only the
    /// provider asks for it) and, for JSON, where <c>event-data.event</c> is.
    /// </summary>
    internal WebhookVerificationResult Verify(bool form, ReadOnlySpan<byte> body, bool readToken, out string token, out Range eventType, out bool eventTypeRepeated)
    {
        token = string.Empty;
        eventType = default;
        eventTypeRepeated = false;
        Span<byte> timestamp = stackalloc byte[WebhookSignature.MaxTimestampDigits];
        Span<byte> tokenBytes = stackalloc byte[MailgunSignatureFields.MaxTokenBytes];
        Span<byte> signature = stackalloc byte[MailgunSignatureFields.SignatureChars];
        Span<byte> parentSignature = stackalloc byte[MailgunSignatureFields.SignatureChars];
        var fields = new MailgunSignatureFields { Timestamp = timestamp, Token = tokenBytes, Signature = signature, ParentSignature = parentSignature };

        var status = form
            ? MailgunBodyReader.ReadForm(body, _maxFormFields, ref fields)
            : MailgunBodyReader.ReadJson(body, ref fields, out eventType, out eventTypeRepeated);
        var result = status switch
        {
            MailgunSignatureReadStatus.Read => Check(ref fields),
            MailgunSignatureReadStatus.Missing => WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, Missing),
            MailgunSignatureReadStatus.TooManyFormFields => WebhookVerificationResult.Failed(WebhookVerificationFailure.TooManyFormFields, "Mailgun form body has too many fields"),
            _ => WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, Malformed),
        };

        if (result.IsVerified && readToken)
        {
            token = Encoding.ASCII.GetString(fields.Token);
        }

        return result;
    }

    /// <summary>Judges a signature block: timestamp, tolerance, hex decode, then every key's HMAC of timestamp + token.</summary>
    private WebhookVerificationResult Check(ref MailgunSignatureFields fields)
    {
        Span<char> text = stackalloc char[MailgunSignatureFields.SignatureChars];
        if (!Ascii.IsValid(fields.Timestamp)
            || Ascii.ToUtf16(fields.Timestamp, text, out var timestampChars) != System.Buffers.OperationStatus.Done
            || !WebhookSignature.TryParseUnixSeconds(text[..timestampChars], out var signedAt))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, "Mailgun timestamp is not a number");
        }

        if (!WebhookSignature.IsWithinTolerance(signedAt, _timeProvider, _tolerance))
        {
            return WebhookVerificationResult.OutsideTolerance(signedAt, _timeProvider, _tolerance);
        }

        if (fields.Token.IsEmpty)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, Missing);
        }

        // The signature, and a subaccount's parent-signature, laid end to end: either may match a configured key.
        Span<byte> presented = stackalloc byte[2 * SignatureMath.Sha256Length];
        if (!TryDecodeHex(fields.Signature, text, presented[..SignatureMath.Sha256Length]))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, Refused);
        }

        var presentedLength = SignatureMath.Sha256Length;
        if (!fields.ParentSignature.IsEmpty && TryDecodeHex(fields.ParentSignature, text, presented[SignatureMath.Sha256Length..]))
        {
            presentedLength += SignatureMath.Sha256Length;
        }

        return _keys.MatchesAny(presented[..presentedLength], fields.Timestamp, fields.Token)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, Refused);
    }

    private static bool TryDecodeHex(ReadOnlySpan<byte> hex, Span<char> text, Span<byte> destination) =>
        hex.Length == MailgunSignatureFields.SignatureChars
        && Ascii.ToUtf16(hex, text, out var written) == System.Buffers.OperationStatus.Done
        && WebhookSignature.TryDecodeHex(text[..written], destination);
}
