using System.Security.Cryptography.X509Certificates;
using WebhookKit.Verification;

namespace WebhookKit.PayPal;

/// <summary>
/// Options of a PayPal webhook receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:PayPal</c> by default).
/// PayPal signs with a private key of its own (RSA, <c>SHA256withRSA</c>) and names the certificate to verify with in
/// <c>PAYPAL-CERT-URL</c>; the signed content ends with the id of the webhook it was sent to, so the receiver is
/// configured with that <see cref="WebhookId"/>, not with a secret.
/// </summary>
public sealed class PayPalWebhookOptions : WebhookReceiverOptions
{
    /// <summary>The most characters a webhook id may have (PayPal's API schema).</summary>
    internal const int MaxWebhookIdChars = 50;

    /// <summary>Gets PayPal's API hosts, where PayPal serves its message-verification certificates: the default of <see cref="AllowedCertificateHosts"/>.</summary>
    public static IReadOnlyList<string> DefaultCertificateHosts { get; } = ["api.paypal.com", "api-m.paypal.com", "api.sandbox.paypal.com", "api-m.sandbox.paypal.com"];

    /// <summary>Gets the names PayPal's message-verification certificates are issued to: the default of <see cref="CertificateSubjectNames"/>.</summary>
    public static IReadOnlyList<string> DefaultCertificateSubjectNames { get; } = ["messageverificationcerts.paypal.com", "messageverificationcerts.sandbox.paypal.com"];

    /// <summary>
    /// Gets or sets the id of the webhook, as the PayPal developer dashboard shows it for the listener URL (for example
    /// <c>1JE4291016473214C</c>). PayPal signs it with every delivery, so a delivery meant for another webhook is refused.
    /// </summary>
    public string? WebhookId { get; set; }

    /// <summary>Gets or sets how far the signed <c>PAYPAL-TRANSMISSION-TIME</c> may be from now, in either direction, before a request is refused as a replay.</summary>
    /// <value>The default is 5 minutes. PayPal signs every transmission, retries included, when it sends it.</value>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets the hosts a <c>PAYPAL-CERT-URL</c> may name; empty means <see cref="DefaultCertificateHosts"/>. An entry is a
    /// host (HTTPS on port 443) or <c>host:port</c>. The URL is the sender's choice, so it is checked before anything is fetched.
    /// </summary>
    public IList<string> AllowedCertificateHosts { get; } = new List<string>();

    /// <summary>Gets the subject common names the certificate may have; empty means <see cref="DefaultCertificateSubjectNames"/>.</summary>
    public IList<string> CertificateSubjectNames { get; } = new List<string>();

    /// <summary>
    /// Gets root certificates (PEM) the certificate must chain to instead of the system's trusted roots; empty means
    /// the system store. For tests with a locally made CA; leave empty in production.
    /// </summary>
    public IList<string> TrustedRootCertificates { get; } = new List<string>();

    /// <summary>Gets or sets how the certificate's revocation is checked, once per certificate URL.</summary>
    /// <value>The default is <see cref="X509RevocationMode.Online"/>; a revocation server that cannot be reached answers 503, so PayPal retries.</value>
    public X509RevocationMode CertificateRevocationMode { get; set; } = X509RevocationMode.Online;

    /// <summary>Gets or sets how long fetching a certificate (and checking its revocation) may take before the delivery gets 503.</summary>
    /// <value>The default is 5 seconds; at most 30.</value>
    public TimeSpan CertificateFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    internal override IEnumerable<string> ListOptionNames =>
        [.. base.ListOptionNames, nameof(AllowedCertificateHosts), nameof(CertificateSubjectNames), nameof(TrustedRootCertificates)];

    internal override int SecretCount => Secrets.Count + (string.IsNullOrEmpty(WebhookId) ? 0 : 1);

    internal IReadOnlyList<string> EffectiveCertificateHosts => AllowedCertificateHosts.Count > 0 ? [.. AllowedCertificateHosts] : DefaultCertificateHosts;

    internal IReadOnlyList<string> EffectiveSubjectNames => CertificateSubjectNames.Count > 0 ? [.. CertificateSubjectNames] : DefaultCertificateSubjectNames;

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        if (Secrets.Count > 0)
        {
            yield return $"Webhook receiver '{receiverName}' is a PayPal receiver, which verifies with PayPal's certificate and the webhook id: set '{configurationKey}:WebhookId' instead of '{configurationKey}:Secrets'.";
        }

        // The id is not quoted: the message says what is wrong with it, not what it is.
        if (string.IsNullOrWhiteSpace(WebhookId))
        {
            yield return $"Webhook receiver '{receiverName}' has no webhook id configured. Set '{configurationKey}:WebhookId' to the id PayPal shows for the webhook. Receivers never accept unsigned deliveries.";
        }
        else if (WebhookId.Length > MaxWebhookIdChars || !WebhookId.All(char.IsAsciiLetterOrDigit))
        {
            yield return $"Webhook receiver '{receiverName}' has a webhook id at '{configurationKey}:WebhookId' that is not 1 to {MaxWebhookIdChars} ASCII letters or digits, as PayPal's are.";
        }

        for (var i = 0; i < AllowedCertificateHosts.Count; i++)
        {
            if (!PayPalCertificateUrl.IsValidHostEntry(AllowedCertificateHosts[i]))
            {
                yield return $"Webhook receiver '{receiverName}' has an entry at '{configurationKey}:AllowedCertificateHosts:{i}' that is not a host name or host:port (no scheme, path or wildcard; a host of at most {PayPalCertificateUrl.MaxHostChars} characters).";
            }
        }

        for (var i = 0; i < CertificateSubjectNames.Count; i++)
        {
            // Compared whole with the certificate's common name: a wildcard, a scheme or a space could never match.
            if (string.IsNullOrWhiteSpace(CertificateSubjectNames[i]))
            {
                yield return $"Webhook receiver '{receiverName}' has an empty entry at '{configurationKey}:CertificateSubjectNames:{i}'.";
            }
            else if (Uri.CheckHostName(CertificateSubjectNames[i]) != UriHostNameType.Dns)
            {
                yield return $"Webhook receiver '{receiverName}' has an entry at '{configurationKey}:CertificateSubjectNames:{i}' that is not a host name (no wildcard, scheme or spaces): it is compared whole with the certificate's common name.";
            }
        }

        for (var i = 0; i < TrustedRootCertificates.Count; i++)
        {
            if (!PayPalCertificateValidator.TryImport(TrustedRootCertificates[i], out _))
            {
                yield return $"Webhook receiver '{receiverName}' has an entry at '{configurationKey}:TrustedRootCertificates:{i}' that is not a PEM certificate.";
            }
        }

        // Configuration binds any number into an enum; the chain policy would throw on it at every fetch (503 forever).
        if (!Enum.IsDefined(CertificateRevocationMode))
        {
            yield return $"Webhook receiver '{receiverName}' has an invalid '{configurationKey}:CertificateRevocationMode': use Online, Offline or NoCheck.";
        }

        if (CertificateFetchTimeout <= TimeSpan.Zero || CertificateFetchTimeout > TimeSpan.FromSeconds(30))
        {
            yield return $"Webhook receiver '{receiverName}' has '{configurationKey}:CertificateFetchTimeout' outside (0, 30 s]: a delivery waits for the fetch.";
        }

        foreach (var error in ValidateGuards(receiverName, configurationKey))
        {
            yield return error;
        }

        if (TimestampTolerance.Validate(Tolerance, receiverName, configurationKey) is { } toleranceError)
        {
            yield return toleranceError;
        }
    }
}
