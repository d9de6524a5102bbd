using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Slack;

/// <summary>
/// An interactivity payload (the JSON of the form field <c>payload</c>): <c>block_actions</c>, <c>shortcut</c>,
/// <c>message_action</c>, <c>view_submission</c>, <c>view_closed</c> and the like. Shapes differ per type, so the
/// larger parts are kept as raw JSON.
/// </summary>
public sealed class SlackInteraction
{
    /// <summary>Gets or sets the interaction type, for example <c>block_actions</c>; the delivery's event type.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the short-lived trigger id to open a modal with, when Slack sends one; the delivery's event id.</summary>
    public string? TriggerId { get; set; }

    /// <summary>Gets or sets the URL to post responses to, when the interaction has one.</summary>
    public string? ResponseUrl { get; set; }

    /// <summary>Gets or sets the app the interaction belongs to.</summary>
    public string? ApiAppId { get; set; }

    /// <summary>Gets or sets the callback id of a shortcut or message action.</summary>
    public string? CallbackId { get; set; }

    /// <summary>Gets or sets the workspace the interaction happened in.</summary>
    public SlackTeam? Team { get; set; }

    /// <summary>Gets or sets the user who interacted.</summary>
    public SlackUser? User { get; set; }

    /// <summary>Gets or sets the actions of a <c>block_actions</c> interaction, as raw JSON (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Actions { get; set; }

    /// <summary>Gets or sets the view (modal or home tab) of view interactions, as raw JSON (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement View { get; set; }

    /// <summary>Gets or sets the message the interaction came from, as raw JSON (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Message { get; set; }

    /// <summary>Gets or sets the container (message, view) the interaction came from, as raw JSON (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Container { get; set; }
}
