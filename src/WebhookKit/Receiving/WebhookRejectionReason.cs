namespace WebhookKit;

/// <summary>
/// Why a provider refused a request, as a stable code: the journal's and the log line's <c>reason code</c>
/// (docs/rejection-reasons.md lists every code with its status). The numbers and the codes never change; new
/// reasons are added at the end. A code says what was wrong with the request, never anything that helps guess a secret.
/// </summary>
public enum WebhookRejectionReason
{
    /// <summary>A custom provider refused the request without saying why (<c>unspecified</c>).</summary>
    Unspecified = 0,

    /// <summary>The signature header (or token) is absent, repeated or empty (<c>signature_missing</c>, 401).</summary>
    SignatureMissing = 1,

    /// <summary>The signature is present but not in the scheme's format: prefix, encoding or length (<c>signature_malformed</c>, 401).</summary>
    SignatureMalformed = 2,

    /// <summary>The signature is well formed, but none of the configured secrets produces it (<c>signature_mismatch</c>, 401).</summary>
    SignatureMismatch = 3,

    /// <summary>The signed timestamp is absent, repeated or empty (<c>timestamp_missing</c>, 401).</summary>
    TimestampMissing = 4,

    /// <summary>The signed timestamp is not a number of Unix seconds (<c>timestamp_malformed</c>, 401).</summary>
    TimestampMalformed = 5,

    /// <summary>The signed timestamp is further from now than the receiver's tolerance, in the past or the future (<c>timestamp_outside_tolerance</c>, 401).</summary>
    TimestampOutsideTolerance = 6,

    /// <summary>The id that is part of the signed content is absent, repeated or empty (<c>signed_id_missing</c>, 401).</summary>
    SignedIdMissing = 7,

    /// <summary>The signed id contains the signed content's separator, or is too long (<c>signed_id_malformed</c>, 401).</summary>
    SignedIdMalformed = 8,

    /// <summary>The URL the sender signed cannot be known: no scheme or host (<c>url_unknown</c>, 401).</summary>
    UrlUnknown = 9,

    /// <summary>The body is not covered by the signature (<c>body_not_signed</c>, 401).</summary>
    BodyNotSigned = 10,

    /// <summary>A form body has more fields than the receiver reads; nothing of it was decoded (<c>too_many_form_fields</c>, 400).</summary>
    TooManyFormFields = 11,

    /// <summary>
    /// A signature is present and fails, so the request's token was not considered: with signing tokens configured, a
    /// signature is the proof whenever one is sent (<c>signature_overrides_token</c>, 401).
    /// </summary>
    SignatureOverridesToken = 12,

    /// <summary>The header that carries the event id is absent, repeated or empty (<c>event_id_missing</c>, 400).</summary>
    EventIdMissing = 20,

    /// <summary>The header that carries the event type is absent, repeated or empty (<c>event_type_missing</c>, 400).</summary>
    EventTypeMissing = 21,

    /// <summary>The event id or type is longer than a key may be, or contains control characters (<c>event_identity_invalid</c>, 400).</summary>
    EventIdentityInvalid = 22,

    /// <summary>The body is not well-formed JSON of the shape the provider sends (for example not an object) (<c>body_not_json</c>, 400).</summary>
    BodyNotJson = 23,

    /// <summary>The body is JSON but lacks the fields that identify the event (<c>event_fields_missing</c>, 400).</summary>
    EventFieldsMissing = 24,

    /// <summary>The body repeats a field that identifies the event, so the key and the handler could read different values (<c>event_fields_repeated</c>, 400).</summary>
    EventFieldsRepeated = 25,

    /// <summary>The body is form-encoded but has no <c>payload</c> field, or more than one (<c>form_without_payload</c>, 400).</summary>
    FormWithoutPayload = 26,

    /// <summary>The body is JSON sent with a form content type (<c>curl --data</c> does this) (<c>json_sent_as_form</c>, 400).</summary>
    JsonSentAsForm = 27,

    /// <summary>The form body is not valid form encoding (<c>form_malformed</c>, 400).</summary>
    FormMalformed = 28,

    /// <summary>
    /// The certificate URL the request names is not HTTPS on an allowed host (PayPal's <c>PAYPAL-CERT-URL</c>); it was
    /// not fetched (<c>certificate_url_not_allowed</c>, 401).
    /// </summary>
    CertificateUrlNotAllowed = 29,

    /// <summary>
    /// The certificate the request names does not chain to a trusted root, is outside its validity dates, or is not
    /// issued to the sender's expected name (<c>certificate_not_trusted</c>, 401).
    /// </summary>
    CertificateNotTrusted = 30,

    /// <summary>
    /// The certificate the request names could not be fetched now (timeout, network or server error, too many fetches
    /// under way); the sender retries (<c>certificate_unavailable</c>, 503).
    /// </summary>
    CertificateUnavailable = 31,
}
