using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.Stripe;

/// <summary>
/// The data of a Stripe event: the API object the event is about, and the attributes that changed.
/// </summary>
/// <remarks>
/// The object's shape depends on the event type and on the API version it was rendered with, so it is kept as raw
/// JSON. Read it with <see cref="GetObject{T}(JsonTypeInfo{T})"/> and your own source-generated model.
/// </remarks>
public sealed class StripeEventData
{
    private JsonElement _object;

    // The raw JSON of data.object as the payload had it, until Object is first read (a copy: the payload's own buffer
    // goes back to its pool once the handlers have run). Also the lock of that first read.
    private byte[]? _unreadObject;

    /// <summary>Gets the API object the event is about (for example a customer or an invoice), as raw JSON.</summary>
    /// <remarks>Its <see cref="JsonElement.ValueKind"/> is <see cref="JsonValueKind.Undefined"/> when the payload had no <c>data.object</c>.</remarks>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Mirrors Stripe's 'object' field.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Object
    {
        get
        {
            // Read from the payload's bytes on first use: most handlers of most events never look at it, and a handler
            // that does pays once what System.Text.Json would have paid for every delivery.
            if (Volatile.Read(ref _unreadObject) is { } json)
            {
                ReadObject(json);
            }

            return _object;
        }

        set
        {
            _object = value;
            Volatile.Write(ref _unreadObject, null);
        }
    }

    /// <summary>Gets, for <c>*.updated</c> events, the previous values of the attributes that changed; otherwise <see langword="null"/>.</summary>
    public JsonElement? PreviousAttributes { get; set; }

    /// <summary>Gets the Stripe object type of <see cref="Object"/> (its <c>object</c> property, for example <c>customer</c>), if present.</summary>
    [JsonIgnore]
    public string? ObjectType =>
        Object.ValueKind == JsonValueKind.Object
        && Object.TryGetProperty("object"u8, out var type)
        && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    /// <summary>Deserializes <see cref="Object"/> into a model of your own, using source-generated metadata (trimming- and AOT-safe).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="jsonTypeInfo">Metadata for <typeparamref name="T"/>, for example <c>MyJsonContext.Default.Customer</c>.</param>
    /// <returns>The deserialized object, or <see langword="null"/> when <c>data.object</c> is JSON <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jsonTypeInfo"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The event has no <c>data.object</c>.</exception>
    /// <exception cref="JsonException">The JSON does not fit <typeparamref name="T"/>.</exception>
    public T? GetObject<T>(JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);

        if (Object.ValueKind == JsonValueKind.Undefined)
        {
            throw new InvalidOperationException(
                $"The Stripe event has no 'data.object', so it cannot be read as {typeof(T).Name}.");
        }

        return Object.Deserialize(jsonTypeInfo);
    }

    /// <summary>Keeps <paramref name="json"/> (the raw JSON of an object or array, already validated) to be read as <see cref="Object"/> on first use.</summary>
    internal void SetUnreadObject(byte[] json)
    {
        _object = default;
        Volatile.Write(ref _unreadObject, json);
    }

    private void ReadObject(byte[] json)
    {
        lock (json)
        {
            if (_unreadObject == json)
            {
                var reader = new Utf8JsonReader(json);
                reader.Read();
                _object = JsonElement.ParseValue(ref reader);
                Volatile.Write(ref _unreadObject, null);
            }
        }
    }
}
