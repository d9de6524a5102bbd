using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Dashboard;
using WebhookKit.Dashboard.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the WebhookKit dashboard: a page, its assets and a small JSON API under one path.</summary>
public static class WebhookDashboardEndpointRouteBuilderExtensions
{
    /// <summary>The default path, <c>/webhooks/dashboard</c>.</summary>
    public const string DefaultPattern = "/webhooks/dashboard";

    /// <summary>
    /// Maps the dashboard at <paramref name="pattern"/>. Outside Development it answers 403 to everyone until an
    /// authorization policy is attached to the returned builder (<c>.RequireAuthorization("ops")</c>) or
    /// <see cref="WebhookDashboardOptions.AllowWithoutAuthorization"/> is set.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="pattern">The dashboard's path, for example <c>/webhooks/dashboard</c>; no route parameters.</param>
    /// <returns>A builder for conventions of every dashboard endpoint: authorization, host filters, rate limits.</returns>
    public static IEndpointConventionBuilder MapWebhookDashboard(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var services = endpoints.ServiceProvider;
        if (services.GetService<DashboardMarker>() is null)
        {
            throw new InvalidOperationException("MapWebhookDashboard needs the dashboard's services: call builder.Services.AddWebhooks().AddDashboard() first.");
        }

        var gate = services.GetRequiredService<DashboardGate>();
        var options = services.GetRequiredService<WebhookDashboardOptions>();
        var deadLetters = services.GetRequiredService<DeadLetterEndpoints>();
        var journal = services.GetRequiredService<JournalEndpoints>();
        var stream = services.GetRequiredService<JournalStream>();
        var group = endpoints.MapGroup(pattern.TrimEnd('/'));

        group.MapGet("/", gate.Protect(static context => DashboardPage.Index(context)));
        group.MapGet("/assets/{file}", gate.Protect(static context => DashboardPage.Serve(context, context.Request.RouteValues["file"] as string ?? "")));
        group.MapGet("/api/info", gate.Protect(context => DashboardPage.Info(context, options)));
        group.MapGet("/api/antiforgery", gate.Protect(static context => DashboardPage.Antiforgery(context)));
        group.MapGet("/api/overview", gate.Protect(journal.Overview));
        group.MapGet("/api/deliveries", gate.Protect(journal.List));
        group.MapGet("/api/deliveries/{id}", gate.Protect(journal.Detail));
        group.MapGet("/api/stream", gate.Protect(stream.Stream));
        group.MapGet("/api/dead-letters", gate.Protect(deadLetters.List));
        group.MapGet("/api/dead-letters/{id}", gate.Protect(deadLetters.Get));
        if (!options.ReadOnly)
        {
            group.MapPost("/api/dead-letters/{id}/replay", gate.Protect(deadLetters.Replay));
            group.MapPost("/api/dead-letters/{id}/delete", gate.Protect(deadLetters.Delete));
            group.MapPost("/api/dead-letters/replay", gate.Protect(deadLetters.ReplayMatching));
        }

        return group;
    }
}
