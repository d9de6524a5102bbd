using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// The receive path of one delivery (docs/architecture.md, "The path of one delivery"), as stages, each in its own
/// file: match the receiver and guard (<c>.Guard.cs</c>) → read the body (<c>.ReadBody.cs</c>) → verify and identify
/// (<c>.Identify.cs</c>) → claim and enqueue (<c>.Claims.cs</c>) → respond (<c>.Respond.cs</c>, from the one table of
/// outcomes, <see cref="ReceiveOutcomes"/>). Nothing here waits for a handler.
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    private readonly WebhookReceiverRegistry _receivers;
    private readonly WebhookPayloadRegistry _payloads;
    private readonly IIdempotencyStore _idempotencyStore;
    private readonly IWebhookQueue _queue;
    private readonly IClaimingWebhookQueue? _claimingQueue;
    private readonly ClaimLeaseRenewer _leases;
    private readonly WebhookDeliveryFactory _deliveryFactory;
    private readonly WebhookMetrics _metrics;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly WebhookOptions _options;
    private readonly Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate? _minBodyDataRate;
    private readonly bool _isDevelopment;

    /// <summary>The most a receiver's own body limit may be: a body the queue or the unverified budget could not hold is never accepted.</summary>
    private readonly long _largestBodyHeld;

    /// <summary>Queue depth from which a new delivery is expected to wait long enough to outlive gen0 collections (its copy is then pinned).</summary>
    private readonly int _backlogThreshold;
    private readonly PinnedBodyPool _pinnedBodies;

    /// <summary>The most the pool of waiting bodies' buffers keeps between bursts (the queue's byte bound permitting).</summary>
    private const long MaxPinnedBodyBytesKept = 64L * 1024 * 1024;

    /// <summary>Whether the queue returns a delivery's pooled buffer at acknowledgement (<see cref="WebhookQueueCapabilities.ReturnsPooledBuffers"/>).</summary>
    private readonly bool _queueReturnsPooledBuffers;
    private readonly UnverifiedBodyBudget _unverified;
    private readonly ILogger<WebhookRequestProcessor> _logger;
    private readonly WebhookKit.Journal.WebhookJournalRecorder _journal;

    public WebhookRequestProcessor(
        WebhookReceiverRegistry receivers,
        WebhookPayloadRegistry payloads,
        IIdempotencyStore idempotencyStore,
        IWebhookQueue queue,
        ClaimLeaseRenewer leases,
        WebhookDeliveryFactory deliveryFactory,
        UnverifiedBodyBudget unverified,
        WebhookMetrics metrics,
        WebhookKit.Journal.WebhookJournalRecorder journal,
        IHostApplicationLifetime lifetime,
        IHostEnvironment environment,
        IOptions<WebhookOptions> options,
        TimeProvider timeProvider,
        ILogger<WebhookRequestProcessor> logger)
    {
        _receivers = receivers;
        _payloads = payloads;
        _idempotencyStore = idempotencyStore;
        _queue = queue;
        // What the queue can do, as it says (a wrapper says its inner queue's): decided once, never by type checks.
        var capabilities = queue.Capabilities;
        _claimingQueue = capabilities.ClaimAndEnqueue;
        _queueReturnsPooledBuffers = capabilities.ReturnsPooledBuffers;
        _leases = leases;
        _deliveryFactory = deliveryFactory;
        _unverified = unverified;
        _metrics = metrics;
        _journal = journal;
        _lifetime = lifetime;
        _options = options.Value;
        _backlogThreshold = Math.Max(64, 2 * _options.MaxConcurrency);

        // Keeps at most a quarter of what the queue may hold, and gives back what a minute did not need.
        _pinnedBodies = new PinnedBodyPool(Math.Min(_options.QueueMaxBytes / 4, MaxPinnedBodyBytesKept), timeProvider, TimeSpan.FromMinutes(1));
        _largestBodyHeld = Math.Min(Math.Min(_options.QueueMaxBytes, _options.MaxUnverifiedBytes), Array.MaxLength);
        _minBodyDataRate = _options.MinRequestBodyDataRate > 0
            ? new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(_options.MinRequestBodyDataRate, _options.MinRequestBodyDataRateGracePeriod)
            : null;
        _isDevelopment = environment.IsDevelopment();
        _logger = logger;
    }

    /// <summary>Gets the pool of waiting bodies' buffers, for tests.</summary>
    internal PinnedBodyPool PinnedBodies => _pinnedBodies;

    public Task ProcessAsync(HttpContext context, string receiverName)
    {
        if (!_receivers.TryGet(receiverName, out var receiver))
        {
            return UnknownReceiver(context, receiverName);
        }

        // Refused here, a sender costs no more than its headers; otherwise the body is read.
        return Guard(context, receiver) ?? ReceiveAsync(context, receiver);
    }

    private async Task ReceiveAsync(HttpContext context, WebhookReceiver receiver)
    {
        using var activity = WebhookDiagnostics.StartReceive(receiver.Name, receiver.Provider.Name);
        try
        {
            // The body's one owner (docs/architecture.md, "The body's life"): disposing it returns the buffer unless a
            // later stage handed it to the queue or abandoned it.
            using var body = await ReadBodyAsync(context, receiver).ConfigureAwait(false);
            if (body is null)
            {
                return; // Refused and answered, or the client went away.
            }

            var result = await VerifyAsync(context, receiver, body).ConfigureAwait(false);
            if (Identify(context, receiver, result, activity) is { } answered)
            {
                await answered.ConfigureAwait(false);
                return;
            }

            await ClaimAndEnqueueAsync(context, receiver, result, body, activity).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer and nothing was accepted.
        }
    }
}
