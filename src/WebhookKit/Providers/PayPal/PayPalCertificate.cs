using System.Security.Cryptography;
using WebhookKit.Verification;

namespace WebhookKit.PayPal;

/// <summary>
/// What a certificate URL gave: a trusted certificate's RSA public key and when it stops being valid, or why there is
/// none (<see cref="WebhookVerificationFailure.CertificateNotTrusted"/> or <see cref="WebhookVerificationFailure.CertificateUnavailable"/>).
/// </summary>
internal sealed class PayPalCertificate
{
    private PayPalCertificate(RSA? key, DateTimeOffset notAfter, WebhookVerificationFailure failure, string description)
    {
        Key = key;
        NotAfter = notAfter;
        Failure = failure;
        Description = description;
    }

    /// <summary>Gets the public key of a trusted certificate; <see langword="null"/> when there is none.</summary>
    public RSA? Key { get; }

    /// <summary>Gets when the certificate expires: it is not used, nor kept, after that.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>Gets why there is no key.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>Gets a fixed description of <see cref="Failure"/>, for the log; never the URL, which is the sender's.</summary>
    public string Description { get; }

    public static PayPalCertificate Trusted(RSA key, DateTimeOffset notAfter) => new(key, notAfter, WebhookVerificationFailure.None, string.Empty);

    public static PayPalCertificate NotTrusted(string description) => new(null, default, WebhookVerificationFailure.CertificateNotTrusted, description);

    public static PayPalCertificate Unavailable(string description) => new(null, default, WebhookVerificationFailure.CertificateUnavailable, description);
}
