namespace WebhookKit.PayPal;

/// <summary>The named <see cref="HttpClient"/> certificates are fetched with (<see cref="Microsoft.Extensions.DependencyInjection.PayPalWebhooksBuilderExtensions.CertificateHttpClientName"/>).</summary>
internal static class PayPalCertificateClient
{
    public const string Name = "WebhookKit.PayPal.Certificates";
}
