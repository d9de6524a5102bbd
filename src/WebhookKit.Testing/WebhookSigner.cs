namespace WebhookKit.Testing;

/// <summary>Creates signers that produce the headers each built-in provider sends, for your own tests.</summary>
public static partial class WebhookSigner
{
    /// <summary>A GitHub signer for a webhook secret.</summary>
    /// <param name="secret">The webhook secret.</param>
    /// <returns>The signer.</returns>
    public static GitHubSigner GitHub(string secret) => new(secret);

    /// <summary>A Stripe signer for an endpoint signing secret (<c>whsec_…</c>), timestamping with the system clock.</summary>
    /// <param name="secret">The signing secret.</param>
    /// <returns>The signer.</returns>
    public static StripeSigner Stripe(string secret) => new(secret, TimeProvider.System);

    /// <summary>A Stripe signer that timestamps with <paramref name="timeProvider"/>.</summary>
    /// <param name="secret">The signing secret.</param>
    /// <param name="timeProvider">The clock for the <c>t</c> value.</param>
    /// <returns>The signer.</returns>
    public static StripeSigner Stripe(string secret, TimeProvider timeProvider) => new(secret, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));

    /// <summary>A Standard Webhooks signer (GitLab signing tokens, Svix) for a <c>whsec_</c> secret.</summary>
    /// <param name="secret">The signing secret.</param>
    /// <returns>The signer.</returns>
    public static StandardWebhooksSigner StandardWebhooks(string secret) => new(secret, TimeProvider.System);

    /// <summary>A Standard Webhooks signer that timestamps with <paramref name="timeProvider"/>.</summary>
    /// <param name="secret">The signing secret.</param>
    /// <param name="timeProvider">The clock for <c>webhook-timestamp</c>.</param>
    /// <returns>The signer.</returns>
    public static StandardWebhooksSigner StandardWebhooks(string secret, TimeProvider timeProvider) => new(secret, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));

    /// <summary>A SendGrid Event Webhook signer with a fresh P-256 key, timestamping with the system clock; configure the receiver with its <see cref="SendGridSigner.PublicKey"/>.</summary>
    /// <returns>The signer; dispose it.</returns>
    public static SendGridSigner SendGrid() => new(TimeProvider.System);

    /// <summary>A SendGrid Event Webhook signer with a fresh P-256 key that timestamps with <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock for <c>X-Twilio-Email-Event-Webhook-Timestamp</c>.</param>
    /// <returns>The signer; dispose it.</returns>
    public static SendGridSigner SendGrid(TimeProvider timeProvider) => new(timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));

    /// <summary>
    /// A PayPal signer for <paramref name="webhookId"/> with a fresh local CA and signing certificate, served at
    /// <see cref="PayPalSigner.DefaultCertificateUrl"/>, timestamping with the system clock.
    /// </summary>
    /// <param name="webhookId">The webhook id the receiver is configured with (ASCII letters and digits).</param>
    /// <returns>The signer; dispose it.</returns>
    public static PayPalSigner PayPal(string webhookId) => new(webhookId, PayPalSigner.DefaultCertificateUrl, TimeProvider.System);

    /// <summary>A PayPal signer whose certificate is served at <paramref name="certificateUrl"/>, timestamping with <paramref name="timeProvider"/> (its certificates are valid from an hour before its now to 30 days after).</summary>
    /// <param name="webhookId">The webhook id the receiver is configured with (ASCII letters and digits).</param>
    /// <param name="certificateUrl">The <c>PAYPAL-CERT-URL</c> to send; its host must be on the receiver's allow-list.</param>
    /// <param name="timeProvider">The clock for <c>PAYPAL-TRANSMISSION-TIME</c> and the certificates' dates.</param>
    /// <returns>The signer; dispose it.</returns>
    public static PayPalSigner PayPal(string webhookId, string certificateUrl, TimeProvider timeProvider) =>
        new(webhookId, certificateUrl, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));

    /// <summary>A Mailgun signer for an HTTP webhook signing key, timestamping with the system clock.</summary>
    /// <param name="signingKey">The HTTP webhook signing key.</param>
    /// <returns>The signer.</returns>
    public static MailgunSigner Mailgun(string signingKey) => new(signingKey, TimeProvider.System);

    /// <summary>A Mailgun signer that timestamps with <paramref name="timeProvider"/>.</summary>
    /// <param name="signingKey">The HTTP webhook signing key.</param>
    /// <param name="timeProvider">The clock for <c>timestamp</c>.</param>
    /// <returns>The signer.</returns>
    public static MailgunSigner Mailgun(string signingKey, TimeProvider timeProvider) => new(signingKey, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));
}
