using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// The receive path of one delivery (docs/architecture.md, "The path of one delivery", steps 1–8): match the receiver, guard, read the body once
/// into a pooled buffer, verify, identify, claim, enqueue, answer. Nothing here waits for a handler.
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

    /// <summary>Queue depth from which a new delivery is expected to wait long enough to outlive gen0 collections.</summary>
    private readonly int _backlogThreshold;

    /// <summary>Whether the queue returns a delivery's pooled buffer at acknowledgement (<see cref="WebhookQueueCapabilities.ReturnsPooledBuffers"/>).</summary>
    private readonly bool _queueReturnsPooledBuffers;
    private readonly UnverifiedBodyBudget _unverified;
    private readonly ILogger<WebhookRequestProcessor> _logger;

    public WebhookRequestProcessor(
        WebhookReceiverRegistry receivers,
        WebhookPayloadRegistry payloads,
        IIdempotencyStore idempotencyStore,
        IWebhookQueue queue,
        ClaimLeaseRenewer leases,
        WebhookDeliveryFactory deliveryFactory,
        UnverifiedBodyBudget unverified,
        WebhookMetrics metrics,
        IHostApplicationLifetime lifetime,
        IHostEnvironment environment,
        IOptions<WebhookOptions> options,
        ILogger<WebhookRequestProcessor> logger)
    {
        _receivers = receivers;
        _payloads = payloads;
        _idempotencyStore = idempotencyStore;
        _queue = queue;
        // What the queue can do, as it says (a wrapper says its inner queue's): decided once, never by type checks.
        var capabilities = queue.Capabilities;
        _claimingQueue = capabilities.ClaimAndEnqueue;
        _leases = leases;
        _deliveryFactory = deliveryFactory;
        _unverified = unverified;
        _metrics = metrics;
        _lifetime = lifetime;
        _options = options.Value;
        _backlogThreshold = Math.Max(64, 2 * _options.MaxConcurrency);
        _queueReturnsPooledBuffers = capabilities.ReturnsPooledBuffers;
        _minBodyDataRate = _options.MinRequestBodyDataRate > 0
            ? new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(_options.MinRequestBodyDataRate, _options.MinRequestBodyDataRateGracePeriod)
            : null;
        _isDevelopment = environment.IsDevelopment();
        _logger = logger;
    }

    public Task ProcessAsync(HttpContext context, string receiverName)
    {
        if (!_receivers.TryGet(receiverName, out var receiver))
        {
            // The name comes from the URL, chosen by whoever sends: never let it into a metric tag (unbounded
            // cardinality) or, unless it looks like a receiver name, into a log line (forged lines).
            Log.UnknownReceiver(_logger, LooksLikeReceiverName(receiverName) ? receiverName : "(not a receiver name)");
            Count(UnknownReceiverTag, null, DeliveryOutcome.NotFound, null);
            return WebhookResponses.NotFound(context);
        }

        // The registered spelling, so that /webhooks/GitHub and /webhooks/github share idempotency keys.
        receiverName = receiver.Name;
        var provider = receiver.Provider;

        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            Log.MethodNotAllowed(_logger, request.Method);
            Count(receiverName, provider.Name, DeliveryOutcome.MethodNotAllowed, null);
            return WebhookResponses.MethodNotAllowed(context);
        }

        if (receiver.Guard is { } guard)
        {
            // Before the body is read: a refused sender costs no more than its headers.
            if (guard.RequireHttps && !request.IsHttps && !_isDevelopment)
            {
                Log.HttpsRequired(_logger, receiverName);
                Count(receiverName, provider.Name, DeliveryOutcome.HttpsRequired, null);
                return WebhookResponses.HttpsRequired(context);
            }

            if (guard.HasAllowList && !guard.IsAllowed(context.Connection.RemoteIpAddress))
            {
                Log.IpNotAllowed(_logger, receiverName, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                Count(receiverName, provider.Name, DeliveryOutcome.IpNotAllowed, null);
                return WebhookResponses.IpNotAllowed(context);
            }
        }

        if (_lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Log.Stopping(_logger, receiverName);
            Count(receiverName, provider.Name, DeliveryOutcome.Unavailable, null);
            return WebhookResponses.Unavailable(context, _options.RetryAfter);
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return TooLarge(context, receiverName, provider);
        }

        // Still before the body: a request without the headers its provider cannot verify without is refused now, so
        // its body is never read and a client waiting on Expect: 100-continue is never invited to send it.
        if (receiver.Precheck.FindMissing(request.Headers) is { } missing)
        {
            return UnauthorizedBeforeBody(context, receiverName, provider, missing);
        }

        // The server's own limit must never refuse a body this receiver accepts. With Content-Length it is exact
        // (and raised above the server default when MaxBodyBytes is larger). Without it, Kestrel counts chunk
        // framing against the limit, so a chunked body of MaxBodyBytes would get 413: the limit is lifted and
        // RequestBodyReader enforces MaxBodyBytes on the decoded bytes while streaming.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = request.ContentLength is null ? null : _options.MaxBodyBytes;
        }

        // Slow-client protection on this request, whatever the server-wide setting: a body trickling in slower than
        // MinRequestBodyDataRate after the grace period makes the server end the read (408, counted as too_slow).
        // Kestrel supports a per-request rate on HTTP/1.x only (it throws for an HTTP/2 or HTTP/3 stream), where the
        // server-wide KestrelServerLimits.MinRequestBodyDataRate applies instead.
        if ((HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol))
            && context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rateFeature)
        {
            rateFeature.MinDataRate = _minBodyDataRate;
        }

        return ReceiveAsync(context, receiver);
    }

    private async Task ReceiveAsync(HttpContext context, WebhookReceiver receiver)
    {
        var receiverName = receiver.Name;
        var provider = receiver.Provider;
        using var activity = WebhookDiagnostics.StartReceive(receiverName, provider.Name);
        byte[]? buffer = null;
        try
        {
            BodyRead body;
            try
            {
                body = await RequestBodyReader.ReadAsync(context.Request, _options.MaxBodyBytes, _unverified, context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException exception) when (!IsClientGone(context, exception))
            {
                await ServerRejected(context, receiverName, provider, exception).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException)
            {
                // The client went away mid-body (HTTP/1.1 disconnect, HTTP/2 or HTTP/3 stream reset): nobody to answer.
                Aborted(receiverName, provider);
                return;
            }

            switch (body.Status)
            {
                case BodyReadStatus.TooLarge:
                    await TooLarge(context, receiverName, provider).ConfigureAwait(false);
                    return;
                case BodyReadStatus.OverBudget:
                    Log.UnverifiedBytesFull(_logger, receiverName, _options.MaxUnverifiedBytes);
                    Count(receiverName, provider.Name, DeliveryOutcome.Unavailable, null);
                    await WebhookResponses.Unavailable(context, _options.RetryAfter).ConfigureAwait(false);
                    return;
            }

            buffer = body.Buffer!;
            var length = body.Length;
            WebhookProviderResult result;
            try
            {
                result = provider.Read(new WebhookRequest(context.Request, buffer.AsMemory(0, length)));
            }
            finally
            {
                // Verified or refused: from here the bytes count against the queue's limits, or nothing.
                _unverified.Release(body.Reserved);
            }

            var owned = buffer;
            buffer = null; // AcceptAsync owns it from here: it returns it, or an accepted delivery takes it.
            await AcceptAsync(context, receiver, result, owned, length, activity).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer and nothing was accepted.
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
