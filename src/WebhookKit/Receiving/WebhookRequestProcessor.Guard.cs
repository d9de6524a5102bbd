using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace WebhookKit.Receiving;

/// <summary>
/// Stages 1 and 2 of the receive path (docs/architecture.md): match the receiver, then guard, all before the body is
/// read (method, HTTPS, IP allow-list, stopping, <c>Content-Length</c>, the provider's required headers), and set the
/// request's body limits.
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    private const string UnknownReceiverTag = "(unknown)";

    private static readonly System.Buffers.SearchValues<char> ReceiverNameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>
    /// The name comes from the URL, chosen by whoever sends: it never becomes a metric tag (unbounded cardinality) or,
    /// unless it looks like a receiver name, part of a log line (forged lines).
    /// </summary>
    private Task UnknownReceiver(HttpContext context, string receiverName) =>
        Respond(context, ReceiveOutcome.UnknownReceiver, new ReceiveFacts(UnknownReceiverTag, null)
        {
            Detail = LooksLikeReceiverName(receiverName) ? receiverName : "(not a receiver name)",
        });

    /// <summary>The answer of a request refused before its body is read; <see langword="null"/> to go on and read it.</summary>
    private Task? Guard(HttpContext context, WebhookReceiver receiver)
    {
        var request = context.Request;
        var facts = new ReceiveFacts(receiver.Name, receiver.Provider.Name);
        if (!HttpMethods.IsPost(request.Method))
        {
            return Respond(context, ReceiveOutcome.MethodNotAllowed, facts with { Detail = request.Method });
        }

        if (receiver.Guard is { } guard)
        {
            if (guard.RequireHttps && !request.IsHttps && !_isDevelopment)
            {
                return Respond(context, ReceiveOutcome.HttpsRequired, facts);
            }

            if (guard.HasAllowList && !guard.IsAllowed(context.Connection.RemoteIpAddress))
            {
                return Respond(context, ReceiveOutcome.IpNotAllowed, facts with { Detail = context.Connection.RemoteIpAddress?.ToString() ?? "unknown" });
            }
        }

        if (_lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Respond(context, ReceiveOutcome.Stopping, facts);
        }

        var bodyLimit = BodyLimit(receiver);
        if (request.ContentLength > bodyLimit)
        {
            return Respond(context, ReceiveOutcome.TooLarge, facts with { BodyLimit = bodyLimit });
        }

        // A request without the headers its provider cannot verify without is refused now: the same 401 as a signature
        // that fails, its body never read, and a client waiting on Expect: 100-continue never invited to send it.
        // The reason names headers, never values.
        if (receiver.Precheck.FindMissing(request.Headers) is { } missing)
        {
            return Respond(context, ReceiveOutcome.Unauthorized, facts with { Detail = missing, RejectionReason = WebhookRejectionReason.SignatureMissing });
        }

        SetBodyLimits(context, bodyLimit);
        return null;
    }

    /// <summary>
    /// The largest body <paramref name="receiver"/> accepts: its own limit; else <see cref="WebhookOptions.MaxBodyBytes"/>
    /// when set; else its provider's documented cap; else <see cref="WebhookOptions.DefaultMaxBodyBytes"/>. Never more than
    /// the queue or the unverified budget could hold (the global limit is validated against both at startup).
    /// </summary>
    internal long BodyLimit(WebhookReceiver receiver) =>
        receiver.MaxBodyBytes is { } own ? Math.Min(own, _largestBodyHeld)
        : _options.MaxBodyBytes ?? (receiver.ProviderMaxBodyBytes is { } cap ? Math.Min(cap, _largestBodyHeld) : WebhookOptions.DefaultMaxBodyBytes);

    private void SetBodyLimits(HttpContext context, long bodyLimit)
    {
        var request = context.Request;

        // The server's own limit must never refuse a body this receiver accepts. With Content-Length it is exact
        // (and raised above the server default when the receiver's limit is larger). Without it, Kestrel counts chunk
        // framing against the limit, so a chunked body at the limit would get 413: the limit is lifted and
        // RequestBodyReader enforces it on the decoded bytes while streaming.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = request.ContentLength is null ? null : bodyLimit;
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
    }

    private static bool LooksLikeReceiverName(string name) =>
        name.Length is > 0 and <= 64 && !name.AsSpan().ContainsAnyExcept(ReceiverNameCharacters);
}
