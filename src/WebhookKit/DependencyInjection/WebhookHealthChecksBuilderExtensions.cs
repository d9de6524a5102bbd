using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebhookKit.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds WebhookKit's health check.</summary>
public static class WebhookHealthChecksBuilderExtensions
{
    /// <summary>The default name of the health check.</summary>
    public const string DefaultName = "webhookkit";

    /// <summary>
    /// Adds a health check that reports Unhealthy when the idempotency store or queue backend is unreachable,
    /// and Degraded when the queue is more than 80% full or a delivery was dead-lettered within <see cref="WebhookKit.WebhookOptions.DeadLetterHealthWindow"/>.
    /// Call <c>services.AddWebhooks()</c> too.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The name of the check.</param>
    /// <param name="failureStatus">The status reported when a backend is unreachable; <see cref="HealthStatus.Unhealthy"/> when <see langword="null"/>.</param>
    /// <param name="tags">Tags to filter checks by, for example <c>ready</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddWebhookKit(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            static services => ActivatorUtilities.CreateInstance<WebhookKitHealthCheck>(services),
            failureStatus,
            tags));
    }
}
