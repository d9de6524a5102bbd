using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WebhookKit.Dashboard.Internal;

/// <summary>The page and what it asks first: its title and mode, and the antiforgery token for its POSTs.</summary>
internal static class DashboardPage
{
    /// <summary>The page; its relative URLs need the trailing slash, so /webhooks/dashboard redirects to /webhooks/dashboard/ (PathBase kept).</summary>
    public static Task Index(HttpContext context)
    {
        if (!context.Request.Path.Value!.EndsWith('/'))
        {
            context.Response.Redirect($"{context.Request.PathBase}{context.Request.Path}/");
            return Task.CompletedTask;
        }

        return Serve(context, "index.html");
    }

    public static Task Serve(HttpContext context, string file)
    {
        if (!DashboardAssets.TryGet(file, out var content, out var contentType))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = contentType;
        context.Response.ContentLength = content.Length;
        return context.Response.Body.WriteAsync(content, context.RequestAborted).AsTask();
    }

    public static Task Info(HttpContext context, WebhookDashboardOptions options)
    {
        var header = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";
        return DeadLetterEndpoints.WriteJson(context, new DashboardInfo(options.Title, options.ReadOnly, Journal: true, header), DashboardJsonContext.Default.DashboardInfo);
    }

    public static Task Antiforgery(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetAndStoreTokens(context);
        return DeadLetterEndpoints.WriteJson(
            context,
            new AntiforgeryToken(tokens.HeaderName ?? "RequestVerificationToken", tokens.RequestToken ?? ""),
            DashboardJsonContext.Default.AntiforgeryToken);
    }
}
