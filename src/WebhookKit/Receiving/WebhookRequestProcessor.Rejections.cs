using Microsoft.AspNetCore.Http;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// The receive path's refusals that come before a provider reads a body: required headers missing, the body over its
/// limit, the server cutting the body off, and the client going away (docs/architecture.md, "Bounded cost").
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    /// <summary>
    /// A header the provider cannot verify without is missing (<see cref="IWebhookProviderPrecheck"/>): the same 401 and
    /// log line as a signature that fails, with the body unread. <paramref name="reason"/> names headers, never values.
    /// </summary>
    private Task UnauthorizedBeforeBody(HttpContext context, string receiverName, IWebhookProvider provider, string reason)
    {
        Log.Unauthorized(_logger, receiverName, reason);
        Count(receiverName, provider.Name, DeliveryOutcome.Unauthorized, null);
        return WebhookResponses.Unauthorized(context);
    }

    /// <summary>
    /// Whether a <see cref="BadHttpRequestException"/> from the body read means the client went away rather than sent
    /// a malformed request. A body of a Content-Length can only fail with 400 when it ends before that length: the
    /// client closed the connection mid-body. A chunked body's 400 is a framing error unless the request was aborted.
    /// </summary>
    private static bool IsClientGone(HttpContext context, BadHttpRequestException exception) =>
        exception.StatusCode == StatusCodes.Status400BadRequest
        && (context.Request.ContentLength is not null || context.RequestAborted.IsCancellationRequested);

    /// <summary>The client went away before its body was read: counted and logged once, nothing answered.</summary>
    private void Aborted(string receiverName, IWebhookProvider provider)
    {
        Log.Aborted(_logger, receiverName);
        Count(receiverName, provider.Name, DeliveryOutcome.Aborted, null);
    }

    /// <summary>The server cut the body off: over its size limit, too slow, or malformed framing.</summary>
    private Task ServerRejected(HttpContext context, string receiverName, IWebhookProvider provider, BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(context, receiverName, provider);
        }

        if (exception.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            Log.TooSlow(_logger, receiverName, _options.MinRequestBodyDataRate, _options.MinRequestBodyDataRateGracePeriod);
            Count(receiverName, provider.Name, DeliveryOutcome.TooSlow, null);
            return WebhookResponses.TooSlow(context);
        }

        Log.ServerRejected(_logger, receiverName, exception.StatusCode);
        Count(receiverName, provider.Name, DeliveryOutcome.BadRequest, null);
        if (exception.StatusCode == StatusCodes.Status400BadRequest)
        {
            return WebhookResponses.BadRequest(context);
        }

        context.Response.StatusCode = exception.StatusCode;
        return Task.CompletedTask;
    }

    private Task TooLarge(HttpContext context, string receiverName, IWebhookProvider provider)
    {
        Log.TooLarge(_logger, receiverName, _options.MaxBodyBytes);
        Count(receiverName, provider.Name, DeliveryOutcome.TooLarge, null);
        return WebhookResponses.TooLarge(context);
    }
}
