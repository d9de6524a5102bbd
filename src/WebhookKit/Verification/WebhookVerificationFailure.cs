namespace WebhookKit.Verification;

/// <summary>Why a webhook verifier refused a request (<see cref="WebhookVerificationResult.Failure"/>).</summary>
public enum WebhookVerificationFailure
{
    /// <summary>Nothing: the request is verified (or the result is a default instance, which is not verified).</summary>
    None = 0,

    /// <summary>The signature header (or token) is absent, repeated or empty.</summary>
    SignatureMissing = 1,

    /// <summary>The signature is present but not in the scheme's format (prefix, encoding or length).</summary>
    SignatureMalformed = 2,

    /// <summary>The signature is well formed, but no configured secret produces it.</summary>
    SignatureMismatch = 3,

    /// <summary>The signed timestamp is absent, repeated or empty.</summary>
    TimestampMissing = 4,

    /// <summary>The signed timestamp is not a number of Unix seconds.</summary>
    TimestampMalformed = 5,

    /// <summary>The signed timestamp is further from now than the tolerance: too old to be fresh, or from the future.</summary>
    TimestampOutsideTolerance = 6,

    /// <summary>The id that is part of the signed content is absent, repeated or empty.</summary>
    IdMissing = 7,

    /// <summary>The signed id could let bytes move between the parts of the signed content (it contains their separator), or is too long.</summary>
    IdMalformed = 8,

    /// <summary>The URL the sender signed cannot be known (Twilio: no scheme or host).</summary>
    UrlUnknown = 9,

    /// <summary>The body is not covered by the signature (Twilio: a non-form body without <c>bodySHA256</c>).</summary>
    BodyNotSigned = 10,

    /// <summary>A form body whose fields are signed has more fields than allowed; nothing of it was decoded.</summary>
    TooManyFormFields = 11,

    /// <summary>The certificate URL is not HTTPS on an allowed host; it was not fetched (PayPal).</summary>
    CertificateUrlNotAllowed = 29,

    /// <summary>The certificate does not chain to a trusted root, is outside its validity dates, or names another subject (PayPal).</summary>
    CertificateNotTrusted = 30,

    /// <summary>The certificate could not be fetched now: the request may verify later (PayPal).</summary>
    CertificateUnavailable = 31,
}
