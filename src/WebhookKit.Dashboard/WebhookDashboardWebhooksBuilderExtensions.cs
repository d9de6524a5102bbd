using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebhookKit;
using WebhookKit.Dashboard;
using WebhookKit.Dashboard.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of the WebhookKit dashboard.</summary>
public static class WebhookDashboardWebhooksBuilderExtensions
{
    /// <summary>
    /// Adds the dashboard's services (its options, ASP.NET Core antiforgery for its POSTs); then map it with
    /// <c>app.MapWebhookDashboard("/webhooks/dashboard")</c> and attach an authorization policy.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the dashboard.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddDashboard(this IWebhooksBuilder builder, Action<WebhookDashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<WebhookDashboardOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.PageSize is >= 1 and <= 1000, "WebhookDashboardOptions.PageSize must be between 1 and 1000.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Title), "WebhookDashboardOptions.Title must not be empty.")
            .ValidateOnStart();
        builder.Services.AddAntiforgery();
        builder.Services.TryAddSingleton(services => services.GetRequiredService<IOptions<WebhookDashboardOptions>>().Value);
        builder.Services.TryAddSingleton<DashboardGate>();
        builder.Services.TryAddSingleton<DeadLetterEndpoints>();
        builder.Services.TryAddSingleton<JournalEndpoints>();
        builder.Services.TryAddSingleton<DashboardCounters>();
        builder.Services.TryAddSingleton<JournalStream>();
        builder.Services.TryAddSingleton<DashboardMarker>();
        return builder;
    }
}
