namespace WebhookKit.Slack;

/// <summary>
/// The Events API envelope (<c>event_callback</c>) around one <see cref="SlackEvent"/>. Bound to every Slack event
/// type, like the other providers' catch-all models; slash commands and interactions are better read as
/// <see cref="SlackSlashCommand"/> and <see cref="SlackInteraction"/>, where this envelope's fields are mostly empty.
/// </summary>
public sealed class SlackEventEnvelope
{
    /// <summary>Gets the envelope type: <c>event_callback</c> for events, or another Events API type such as <c>app_rate_limited</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the workspace the event happened in.</summary>
    public string? TeamId { get; init; }

    /// <summary>Gets the app the event was sent to.</summary>
    public string? ApiAppId { get; init; }

    /// <summary>Gets the event id, for example <c>Ev9UQ52YNA</c>; the same across Slack's retries.</summary>
    public string? EventId { get; init; }

    /// <summary>Gets when the event was dispatched, in seconds since the Unix epoch.</summary>
    public long EventTime { get; init; }

    /// <summary>Gets an opaque identifier of the event's context, when Slack sends one.</summary>
    public string? EventContext { get; init; }

    /// <summary>Gets a value indicating whether the event happened in a channel shared with another organization.</summary>
    public bool IsExtSharedChannel { get; init; }

    /// <summary>Gets the inner event, for <c>event_callback</c> envelopes.</summary>
    public SlackEvent? Event { get; init; }
}
