namespace WebhookKit.Benchmarks;

/// <summary>A push handler over <see cref="PushRefOnly"/> that reads the ref, as the load test's lean handler does.</summary>
public sealed class CountingRefOnlyHandler : IWebhookHandler<PushRefOnly>
{
    private static long s_handled;

    public static long Handled => Interlocked.Read(ref s_handled);

    public Task HandleAsync(WebhookEvent<PushRefOnly> webhook, CancellationToken cancellationToken)
    {
        if (webhook.Payload.Ref is not null)
        {
            Interlocked.Increment(ref s_handled);
        }

        return Task.CompletedTask;
    }
}
