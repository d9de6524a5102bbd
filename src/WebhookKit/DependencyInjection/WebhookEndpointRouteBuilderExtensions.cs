using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Receiving;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps WebhookKit's receivers as endpoints.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>The default route pattern, <c>/webhooks/{receiver}</c>.</summary>
    public const string DefaultPattern = "/webhooks/{receiver}";

    /// <summary>Maps every receiver at <c>/webhooks/{receiver}</c>, for example <c>/webhooks/github</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>A builder to add conventions (rate limiting, host filters, …) to the webhook endpoint.</returns>
    public static IEndpointConventionBuilder MapWebhooks(this IEndpointRouteBuilder endpoints) => endpoints.MapWebhooks(DefaultPattern);

    /// <summary>Maps every receiver at <paramref name="pattern"/>, which must contain a <c>{receiver}</c> parameter.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="pattern">The route pattern, for example <c>/hooks/{receiver}</c>.</param>
    /// <returns>A builder to add conventions (rate limiting, host filters, …) to the webhook endpoint.</returns>
    public static IEndpointConventionBuilder MapWebhooks(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        WebhookApplicationBuilderExtensions.EnsureServices(endpoints.ServiceProvider);

        var parsed = RoutePatternFactory.Parse(pattern);
        if (parsed.GetParameter(WebhookMiddleware.ReceiverRouteValue) is null)
        {
            throw new ArgumentException($"The route pattern '{pattern}' must contain a '{{{WebhookMiddleware.ReceiverRouteValue}}}' parameter.", nameof(pattern));
        }

        var route = endpoints.ServiceProvider.GetRequiredService<WebhookRoutes>().AddEndpoint(pattern);

        // Every method is routed here so that non-POST requests get 405 with Allow: POST, as providers expect.
        var pipeline = endpoints.CreateApplicationBuilder()
            .UseMiddleware<WebhookMiddleware>(PathString.Empty)
            .Build();

        // The route as metadata: the startup report finds the endpoint by it, under a route group's prefix too.
        return endpoints.Map(parsed, pipeline).WithDisplayName("WebhookKit receivers").WithMetadata(route);
    }
}
