using Microsoft.AspNetCore.Http;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// The receive path's refusals that come before a provider reads a body: required headers missing, the body over its
/// limit and the server cutting the body off (docs/architecture.md, "Bounded cost").
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
