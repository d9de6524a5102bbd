using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.Slack;

/// <summary>
/// The inner event of an Events API delivery, for example a <c>message</c> or an <c>app_mention</c>. Slack's events
/// differ in shape (<c>user</c> is an id in a message but an object in <c>user_change</c>), so the event is kept as
/// raw <see cref="Json"/>, with the common fields read from it and <see cref="Deserialize{T}"/> for a model of your own.
/// </summary>
[JsonConverter(typeof(SlackEventJsonConverter))]
public sealed class SlackEvent
{
    internal SlackEvent(JsonElement json) => Json = json;

    /// <summary>Gets the whole event as raw JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>Gets the event type, for example <c>app_mention</c>; the delivery's event type.</summary>
    public string? Type => GetString("type"u8);

    /// <summary>Gets the message subtype, for example <c>bot_message</c>, when there is one.</summary>
    public string? Subtype => GetString("subtype"u8);

    /// <summary>Gets the id of the user the event is about: <c>user</c> when it is a string, else <c>user.id</c>.</summary>
    public string? User => GetIdOrString("user"u8);

    /// <summary>Gets the channel id: <c>channel</c> when it is a string, else <c>channel.id</c>.</summary>
    public string? Channel => GetIdOrString("channel"u8);

    /// <summary>Gets the channel type (<c>channel</c>, <c>group</c>, <c>im</c>, <c>mpim</c>) of message events.</summary>
    public string? ChannelType => GetString("channel_type"u8);

    /// <summary>Gets the message text, for message-like events.</summary>
    public string? Text => GetString("text"u8);

    /// <summary>Gets the message timestamp (its id within the channel), for message-like events.</summary>
    public string? Ts => GetString("ts"u8);

    /// <summary>Gets the timestamp of the parent message, for replies in a thread.</summary>
    public string? ThreadTs => GetString("thread_ts"u8);

    /// <summary>Gets the timestamp of the event itself.</summary>
    public string? EventTs => GetString("event_ts"u8);

    /// <summary>Deserializes the event into a model of your own, using source-generated metadata (trimming- and AOT-safe).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="jsonTypeInfo">Metadata for <typeparamref name="T"/>.</param>
    /// <returns>The deserialized event.</returns>
    /// <exception cref="JsonException">The JSON does not fit <typeparamref name="T"/>.</exception>
    public T? Deserialize<T>(JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return Json.Deserialize(jsonTypeInfo);
    }

    private string? GetString(ReadOnlySpan<byte> name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private string? GetIdOrString(ReadOnlySpan<byte> name)
    {
        if (Json.ValueKind != JsonValueKind.Object || !Json.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
            _ => null,
        };
    }
}
