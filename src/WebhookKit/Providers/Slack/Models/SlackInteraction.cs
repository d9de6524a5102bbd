using System.Text.Json;

namespace WebhookKit.Slack;

/// <summary>
/// An interactivity payload (the JSON of the form field <c>payload</c>): <c>block_actions</c>, <c>shortcut</c>,
/// <c>message_action</c>, <c>view_submission</c>, <c>view_closed</c> and the like. Shapes differ per type, so the
/// larger parts are kept as raw JSON.
/// </summary>
public sealed class SlackInteraction
{
    /// <summary>Gets the interaction type, for example <c>block_actions</c>; the delivery's event type.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the short-lived trigger id to open a modal with, when Slack sends one; the delivery's event id.</summary>
    public string? TriggerId { get; init; }

    /// <summary>Gets the URL to post responses to, when the interaction has one.</summary>
    public string? ResponseUrl { get; init; }

    /// <summary>Gets the app the interaction belongs to.</summary>
    public string? ApiAppId { get; init; }

    /// <summary>Gets the callback id of a shortcut or message action.</summary>
    public string? CallbackId { get; init; }

    /// <summary>Gets the workspace the interaction happened in.</summary>
    public SlackTeam? Team { get; init; }

    /// <summary>Gets the user who interacted.</summary>
    public SlackUser? User { get; init; }

    /// <summary>Gets the actions of a <c>block_actions</c> interaction, as raw JSON (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    public JsonElement Actions { get; init; }

    /// <summary>Gets the view (modal or home tab) of view interactions, as raw JSON (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    public JsonElement View { get; init; }

    /// <summary>Gets the message the interaction came from, as raw JSON (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    public JsonElement Message { get; init; }

    /// <summary>Gets the container (message, view) the interaction came from, as raw JSON (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    public JsonElement Container { get; init; }
}
