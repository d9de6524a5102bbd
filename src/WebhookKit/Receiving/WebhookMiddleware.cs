using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WebhookKit.Receiving;

/// <summary>
/// The webhook pipeline as middleware. Mapped as an endpoint (<c>MapWebhooks</c>) it takes the receiver
/// name from the <c>{receiver}</c> route value; used with <c>UseWebhooks</c> it answers requests under its
/// path prefix and passes everything else on.
/// </summary>
internal sealed class WebhookMiddleware
{
    public const string ReceiverRouteValue = "receiver";

    private readonly RequestDelegate _next;
    private readonly WebhookRequestProcessor _processor;
    private readonly PathString _pathPrefix;

    public WebhookMiddleware(RequestDelegate next, WebhookRequestProcessor processor, PathString pathPrefix)
    {
        _next = next;
        _processor = processor;
        _pathPrefix = pathPrefix;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!_pathPrefix.HasValue)
        {
            return context.GetRouteValue(ReceiverRouteValue) is string routed && routed.Length > 0
                ? _processor.ProcessAsync(context, routed)
                : _next(context);
        }

        if (context.Request.Path.StartsWithSegments(_pathPrefix, StringComparison.OrdinalIgnoreCase, out var remaining)
            && remaining.HasValue
            && remaining.Value!.Length > 1
            && remaining.Value.IndexOf('/', 1) < 0)
        {
            return _processor.ProcessAsync(context, remaining.Value[1..]);
        }

        return _next(context);
    }
}
