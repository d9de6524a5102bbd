using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>The receive path's checks of what a sender chose (receiver names, event ids and types), and its counting of outcomes.</summary>
internal sealed partial class WebhookRequestProcessor
{
    /// <summary>Whether an event id or type is short enough to be a key and free of control characters (<see cref="WebhookOptions.MaxEventIdBytes"/>).</summary>
    private static bool IsAcceptableIdentity(string value) =>
        value.Length <= WebhookOptions.MaxEventIdBytes
        && System.Text.Encoding.UTF8.GetByteCount(value) <= WebhookOptions.MaxEventIdBytes
        && !value.AsSpan().ContainsAnyInRange('\u0000', '\u001F')
        && !value.AsSpan().ContainsAnyInRange('\u007F', '\u009F');

    private const string UnknownReceiverTag = "(unknown)";

    private static bool LooksLikeReceiverName(string name) =>
        name.Length is > 0 and <= 64 && !name.AsSpan().ContainsAnyExcept(ReceiverNameCharacters);

    private static readonly System.Buffers.SearchValues<char> ReceiverNameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>Counts the delivery's outcome and tags the receive span with it.</summary>
    private void Count(string receiverName, string? provider, string outcome, string? eventType)
    {
        _metrics.Delivery(receiverName, provider, outcome, eventType);
        if (System.Diagnostics.Activity.Current is { OperationName: WebhookDiagnostics.ReceiveActivityName } activity)
        {
            WebhookDiagnostics.Outcome(activity, outcome);
        }
    }
}
