using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.Hmac;

/// <summary>
/// Any payload of a generic HMAC receiver, kept as raw <see cref="Json"/>. Bound to every event of every HMAC
/// receiver (check <c>WebhookEvent.ReceiverName</c>); map an event type to a model of your own with
/// <c>AddPayloadType("hmac", "invoice.paid", MyJsonContext.Default.InvoicePaid)</c>.
/// </summary>
/// <remarks>
/// A sender whose event id and type are headers may sign a body that is not JSON (a form, XML, text): that delivery is
/// handled like any other, with <see cref="IsJson"/> <see langword="false"/>; read <c>WebhookEvent.RawBody</c>.
/// </remarks>
[JsonConverter(typeof(HmacEventJsonConverter))]
public sealed class HmacEvent
{
    internal HmacEvent(JsonElement json) => Json = json;

    /// <summary>Gets the whole payload as raw JSON; <see cref="JsonValueKind.Undefined"/> when the body is not JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>Gets whether the body is JSON (<see cref="Json"/> holds it) rather than bytes of another format.</summary>
    public bool IsJson => Json.ValueKind != JsonValueKind.Undefined;

    /// <summary>The event of a verified body that is not JSON.</summary>
    internal static HmacEvent NotJson { get; } = new(default);

    /// <summary>Deserializes the payload into a model of your own, using source-generated metadata (trimming- and AOT-safe).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="jsonTypeInfo">Metadata for <typeparamref name="T"/>.</param>
    /// <returns>The deserialized payload.</returns>
    /// <exception cref="JsonException">The JSON does not fit <typeparamref name="T"/>, or the body is not JSON.</exception>
    public T? Deserialize<T>(JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return IsJson ? Json.Deserialize(jsonTypeInfo) : throw new JsonException("The body is not JSON; read WebhookEvent.RawBody.");
    }
}
