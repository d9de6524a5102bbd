using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;

namespace WebhookKit.Internal;

/// <summary>
/// Unhealthy when the idempotency store or the queue backend cannot be reached; Degraded when the queue is
/// more than 80% full (by count or bytes), a delivery was dead-lettered within <see cref="WebhookOptions.DeadLetterHealthWindow"/>, or the store or the
/// queue reports itself degraded (a Redis that may evict keys, for example).
/// A queue answers for its backend through <see cref="Dispatch.WebhookQueueCapabilities.HealthCheck"/>, a store through
/// <see cref="IIdempotencyStore.HealthCheck"/>; a store without one is probed with a real claim and release of a unique key.
/// </summary>
internal sealed class WebhookKitHealthCheck(
    IWebhookQueue queue,
    IIdempotencyStore store,
    WebhookHealthState state,
    TimeProvider timeProvider,
    IOptions<WebhookOptions> options) : IHealthCheck
{
    private const double DegradedFill = 0.8;
    private static readonly TimeSpan ProbeLease = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["queue.depth"] = queue.Count,
            ["queue.bytes"] = queue.Bytes,
            ["dead_lettered.total"] = state.DeadLetteredTotal,
        };
        if (state.LastDeadLetteredAt is { } lastDeadLetter)
        {
            data["dead_lettered.last"] = lastDeadLetter;
        }

        var storeResult = await CheckStoreAsync(context, cancellationToken).ConfigureAwait(false);
        if (storeResult is { Status: HealthStatus.Unhealthy } unreachable)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, unreachable.Description, unreachable.Exception, data);
        }

        // The first component that reports itself degraded, reported once nothing is worse.
        var degraded = storeResult;
        if (queue.Capabilities.HealthCheck is { } queueCheck)
        {
            var result = await queueCheck.CheckHealthAsync(context, cancellationToken).ConfigureAwait(false);
            if (result.Status == HealthStatus.Unhealthy)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "The webhook queue backend is unreachable.", result.Exception, data);
            }

            if (result.Status == HealthStatus.Degraded)
            {
                degraded ??= result;
            }
        }

        var settings = options.Value;
        var fill = Math.Max((double)queue.Count / settings.QueueCapacity, (double)queue.Bytes / settings.QueueMaxBytes);
        if (fill > DegradedFill)
        {
            return HealthCheckResult.Degraded($"The webhook queue is {fill:P0} full; deliveries get 503 when it is full.", data: data);
        }

        if (state.DeadLetteredWithin(settings.DeadLetterHealthWindow))
        {
            return HealthCheckResult.Degraded($"A webhook delivery was dead-lettered within the last {settings.DeadLetterHealthWindow} (Webhooks:DeadLetterHealthWindow).", data: data);
        }

        if (degraded is { } component)
        {
            return HealthCheckResult.Degraded(component.Description, component.Exception, data);
        }

        return HealthCheckResult.Healthy("Webhooks are received and handled.", data);
    }

    private async Task<HealthCheckResult?> CheckStoreAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (store.HealthCheck is { } storeCheck)
        {
            var result = await storeCheck.CheckHealthAsync(context, cancellationToken).ConfigureAwait(false);
            return result.Status switch
            {
                HealthStatus.Unhealthy => new HealthCheckResult(HealthStatus.Unhealthy, "The idempotency store is unreachable.", result.Exception),
                HealthStatus.Degraded => result,
                _ => null,
            };
        }

        try
        {
            var owner = Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("N");
            var key = "webhookkit-health:" + owner;
            await store.TryClaimAsync(key, owner, ProbeLease, cancellationToken).ConfigureAwait(false);
            await store.ReleaseAsync(key, owner, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(HealthStatus.Unhealthy, "The idempotency store is unreachable.", exception);
        }
    }
}
