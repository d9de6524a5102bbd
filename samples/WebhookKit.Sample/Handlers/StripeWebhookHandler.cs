using WebhookKit.Stripe;

namespace WebhookKit.Sample.Handlers;

/// <summary>Handles every Stripe event; switch on <see cref="WebhookEvent{TPayload}.EventType"/> to act on the ones you need.</summary>
public sealed partial class StripeWebhookHandler(DemoLedger ledger, ILogger<StripeWebhookHandler> logger) : IWebhookHandler<StripeEvent>
{
    public Task HandleAsync(WebhookEvent<StripeEvent> webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var stripeEvent = webhook.Payload;
        LogEvent(logger, webhook.EventType, webhook.EventId, stripeEvent.Data?.ObjectType, stripeEvent.Livemode);
        ledger.Record(webhook.ReceiverName, webhook.EventId, nameof(StripeWebhookHandler));
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "Stripe {EventType} {EventId}: about a {ObjectType}, live mode {Livemode}.")]
    private static partial void LogEvent(ILogger logger, string eventType, string eventId, string? objectType, bool livemode);
}
