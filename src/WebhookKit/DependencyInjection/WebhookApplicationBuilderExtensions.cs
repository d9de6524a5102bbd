using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Receiving;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds WebhookKit's receivers to the request pipeline as middleware.</summary>
public static class WebhookApplicationBuilderExtensions
{
    /// <summary>Answers webhook deliveries at <c>/webhooks/{receiver}</c>; other requests pass through.</summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The application builder, for chaining.</returns>
    public static IApplicationBuilder UseWebhooks(this IApplicationBuilder app) => app.UseWebhooks("/webhooks");

    /// <summary>Answers webhook deliveries at <c>{pathPrefix}/{receiver}</c>; other requests pass through.</summary>
    /// <param name="app">The application builder.</param>
    /// <param name="pathPrefix">The path prefix, for example <c>/hooks</c>.</param>
    /// <returns>The application builder, for chaining.</returns>
    public static IApplicationBuilder UseWebhooks(this IApplicationBuilder app, PathString pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!pathPrefix.HasValue || pathPrefix.Value == "/")
        {
            throw new ArgumentException("The path prefix must not be empty, for example '/webhooks'.", nameof(pathPrefix));
        }

        EnsureServices(app.ApplicationServices);
        app.ApplicationServices.GetRequiredService<WebhookRoutes>().AddPrefix(pathPrefix.Value!.TrimEnd('/') + "/{" + WebhookMiddleware.ReceiverRouteValue + "}");
        return app.UseMiddleware<WebhookMiddleware>(pathPrefix);
    }

    internal static void EnsureServices(IServiceProvider services)
    {
        if (services.GetService<WebhookRequestProcessor>() is null)
        {
            throw new InvalidOperationException(
                "Unable to find the required WebhookKit services. Call 'services.AddWebhooks()' in the application startup code before mapping webhooks.");
        }
    }
}
