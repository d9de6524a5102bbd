using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.StandardWebhooks;

/// <summary>
/// The payload structure the Standard Webhooks specification recommends (<c>type</c>, <c>timestamp</c>, <c>data</c>);
/// reads any JSON object. Senders are free to shape <see cref="Data"/>, so it is kept as raw JSON.
/// </summary>
public sealed class StandardWebhooksEvent
{
    /// <summary>Gets or sets the event type, for example <c>user.created</c>, when the body has a string <c>type</c>.</summary>
    public string? Type { get; set; }

    /// <summary>
    /// Gets or sets the body's <c>timestamp</c> as raw JSON (the specification uses an ISO 8601 string; senders vary), or
    /// <see cref="JsonValueKind.Undefined"/> when absent. The signed <c>webhook-timestamp</c> header is what replay defence uses.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Timestamp { get; set; }

    /// <summary>Gets or sets the event's data as raw JSON, or <see cref="JsonValueKind.Undefined"/> when absent. Read it with <c>Data.Deserialize(MyJsonContext.Default.MyModel)</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Data { get; set; }
}
