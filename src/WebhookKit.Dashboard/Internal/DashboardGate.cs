using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace WebhookKit.Dashboard.Internal;

/// <summary>
/// Secure by default: outside Development the dashboard serves nothing unless its endpoints carry an authorization
/// policy (<c>.RequireAuthorization(…)</c>, enforced by ASP.NET Core's authorization middleware before this runs) or the
/// app opted out with <see cref="WebhookDashboardOptions.AllowWithoutAuthorization"/>. Hangfire's dashboard served
/// everyone when its filter was left out (GHSA-7rq6-7gv8-c37h); this one refuses instead.
/// </summary>
internal sealed class DashboardGate(IHostEnvironment environment, WebhookDashboardOptions options)
{
    public RequestDelegate Protect(RequestDelegate next) => context =>
    {
        DashboardAssets.SecureHeaders(context.Response);
        if (IsAllowed(context))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            "The webhook dashboard has no authorization policy. Attach one with MapWebhookDashboard(…).RequireAuthorization(…), " +
            "or set WebhookDashboardOptions.AllowWithoutAuthorization when something in front of the app already decides who may see it.");
    };

    private bool IsAllowed(HttpContext context)
    {
        if (environment.IsDevelopment() || options.AllowWithoutAuthorization)
        {
            return true;
        }

        var metadata = context.GetEndpoint()?.Metadata;
        return metadata is not null
            && metadata.GetMetadata<IAllowAnonymous>() is null
            && (metadata.GetMetadata<IAuthorizeData>() is not null || metadata.GetMetadata<AuthorizationPolicy>() is not null);
    }
}
