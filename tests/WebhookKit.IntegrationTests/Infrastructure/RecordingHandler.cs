namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>
/// A handler for any payload type that reports to the <see cref="HandlerProbe"/> singleton: it records the attempt,
/// runs <see cref="HandlerProbe.Behavior"/> (which may throw or block) and records success.
/// </summary>
/// <typeparam name="TPayload">The payload model.</typeparam>
public sealed class RecordingHandler<TPayload>(HandlerProbe probe) : IWebhookHandler<TPayload>
{
    public async Task HandleAsync(WebhookEvent<TPayload> webhook, CancellationToken cancellationToken)
    {
        var call = new HandlerCall(typeof(TPayload).Name, webhook.EventId, webhook.Attempt, webhook.ReceiverName, webhook.EventType, webhook.Payload, webhook.Headers, webhook.Provider);
        probe.RecordAttempt(call);
        await probe.Behavior(call, cancellationToken);
        probe.Record(call);
    }
}
