using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.SharedToken;

/// <summary>
/// The JSON object a shared-token receiver accepted, kept as raw <see cref="Json"/>. Bound to every event of every
/// shared-token receiver (check <c>WebhookEvent.ReceiverName</c>); map an event type to a model of your own with
/// <c>AddPayloadType("token", "webhook", MyJsonContext.Default.MyModel)</c>. Nothing of it is signed: the token proves
/// only that the sender knows it.
/// </summary>
[JsonConverter(typeof(SharedTokenEventJsonConverter))]
public sealed class SharedTokenEvent
{
    internal SharedTokenEvent(JsonElement json) => Json = json;

    /// <summary>Gets the whole payload as raw JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>Deserializes the payload into a model of your own, using source-generated metadata (trimming- and AOT-safe).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="jsonTypeInfo">Metadata for <typeparamref name="T"/>.</param>
    /// <returns>The deserialized payload.</returns>
    /// <exception cref="JsonException">The JSON does not fit <typeparamref name="T"/>.</exception>
    public T? Deserialize<T>(JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return Json.Deserialize(jsonTypeInfo);
    }
}
