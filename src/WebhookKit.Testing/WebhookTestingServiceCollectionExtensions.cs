using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookKit.Dispatch;
using WebhookKit.Internal;
using WebhookKit.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds WebhookKit's test helpers to an application under test.</summary>
public static class WebhookTestingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WebhookDeliveryTracker"/> and wraps the registered <see cref="IWebhookQueue"/> so the
    /// tracker learns when each delivery's handling finishes. Call it after <c>AddWebhooks()</c> (and after
    /// replacing the queue, if you do), for example in <c>WebApplicationFactory.ConfigureTestServices</c>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IWebhookQueue"/> is registered yet.</exception>
    public static IServiceCollection AddWebhookTesting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(WebhookDeliveryTracker)))
        {
            return services;
        }

        var original = services.LastOrDefault(d => d.ServiceType == typeof(IWebhookQueue) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("No IWebhookQueue is registered. Call services.AddWebhooks() before services.AddWebhookTesting().");

        services.TryAddSingleton<WebhookDeliveryTracker>();
        services.RemoveAll<IWebhookQueue>();
        services.AddSingleton<IWebhookQueue>(provider => new TrackingWebhookQueue(ServiceDescriptorActivator.Create<IWebhookQueue>(provider, original), provider.GetRequiredService<WebhookDeliveryTracker>()));
        return services;
    }

    /// <summary>
    /// Serves <paramref name="signer"/>'s certificate to the PayPal receivers: their certificate client
    /// (<see cref="PayPalWebhooksBuilderExtensions.CertificateHttpClientName"/>) answers its <see cref="PayPalSigner.CertificateUrl"/>
    /// in memory, and anything else with 404. Call it after <c>AddPayPal</c>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="signer">The signer whose certificate to serve.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPayPalTestCertificates(this IServiceCollection services, PayPalSigner signer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(signer);
        services.AddHttpClient(PayPalWebhooksBuilderExtensions.CertificateHttpClientName).ConfigurePrimaryHttpMessageHandler(signer.CreateCertificateHandler);
        return services;
    }
}
