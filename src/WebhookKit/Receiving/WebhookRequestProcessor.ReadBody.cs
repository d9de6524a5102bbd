using Microsoft.AspNetCore.Http;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// Stage 3 of the receive path (docs/architecture.md): read the body once into a pooled buffer that grows with the
/// bytes that arrive, within <see cref="WebhookOptions.MaxBodyBytes"/> and the unverified budget
/// (docs/architecture.md, "Bounded cost of unverified requests").
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    /// <summary>The body, owned by the caller; <see langword="null"/> when it was refused (and answered) or the client went away.</summary>
    private async ValueTask<PooledBody?> ReadBodyAsync(HttpContext context, WebhookReceiver receiver)
    {
        var facts = new ReceiveFacts(receiver.Name, receiver.Provider.Name);
        BodyRead read;
        try
        {
            read = await RequestBodyReader.ReadAsync(context.Request, _options.MaxBodyBytes, _unverified, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!IsClientGone(context, exception))
        {
            // The server cut the body off: over its size limit, too slow, or malformed framing.
            var outcome = exception.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ReceiveOutcome.TooLarge,
                StatusCodes.Status408RequestTimeout => ReceiveOutcome.TooSlow,
                _ => ReceiveOutcome.ServerRejected,
            };
            await Respond(context, outcome, facts with { StatusCode = exception.StatusCode }).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client went away mid-body (HTTP/1.1 disconnect, HTTP/2 or HTTP/3 stream reset): nobody to answer.
            await Respond(context, ReceiveOutcome.Aborted, facts).ConfigureAwait(false);
            return null;
        }

        switch (read.Status)
        {
            case BodyReadStatus.TooLarge:
                await Respond(context, ReceiveOutcome.TooLarge, facts).ConfigureAwait(false);
                return null;
            case BodyReadStatus.OverBudget:
                await Respond(context, ReceiveOutcome.UnverifiedBytesFull, facts).ConfigureAwait(false);
                return null;
            default:
                return read.Body!;
        }
    }

    /// <summary>
    /// Whether a <see cref="BadHttpRequestException"/> from the body read means the client went away rather than sent
    /// a malformed request. A body of a Content-Length can only fail with 400 when it ends before that length: the
    /// client closed the connection mid-body. A chunked body's 400 is a framing error unless the request was aborted.
    /// </summary>
    private static bool IsClientGone(HttpContext context, BadHttpRequestException exception) =>
        exception.StatusCode == StatusCodes.Status400BadRequest
        && (context.Request.ContentLength is not null || context.RequestAborted.IsCancellationRequested);
}
