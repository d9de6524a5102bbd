namespace WebhookKit.Slack;

/// <summary>
/// The Events API envelope (<c>event_callback</c>) around one <see cref="SlackEvent"/>. Bound to every Slack event
/// type, like the other providers' catch-all models; slash commands and interactions are better read as
/// <see cref="SlackSlashCommand"/> and <see cref="SlackInteraction"/>, where this envelope's fields are mostly empty.
/// </summary>
public sealed class SlackEventEnvelope
{
    /// <summary>Gets or sets the envelope type: <c>event_callback</c> for events, or another Events API type such as <c>app_rate_limited</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the workspace the event happened in.</summary>
    public string? TeamId { get; set; }

    /// <summary>Gets or sets the app the event was sent to.</summary>
    public string? ApiAppId { get; set; }

    /// <summary>Gets or sets the event id, for example <c>Ev9UQ52YNA</c>; the same across Slack's retries.</summary>
    public string? EventId { get; set; }

    /// <summary>Gets or sets when the event was dispatched, in seconds since the Unix epoch.</summary>
    public long EventTime { get; set; }

    /// <summary>Gets or sets an opaque identifier of the event's context, when Slack sends one.</summary>
    public string? EventContext { get; set; }

    /// <summary>Gets or sets a value indicating whether the event happened in a channel shared with another organization.</summary>
    public bool IsExtSharedChannel { get; set; }

    /// <summary>Gets or sets the inner event, for <c>event_callback</c> envelopes.</summary>
    public SlackEvent? Event { get; set; }
}
