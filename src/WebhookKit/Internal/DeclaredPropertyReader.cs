using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.Internal;

/// <summary>
/// Deserializes a flat payload model (its properties are all strings, numbers, booleans, dates or other values
/// System.Text.Json reads with a converter, not objects or collections) through its own System.Text.Json contract,
/// and stops reading as soon as every property it declares has been read: a handler whose model declares the two
/// fields it needs from a 50 KB payload does not pay to walk the rest. Each value is read by System.Text.Json itself.
/// </summary>
/// <remarks>
/// <para>
/// Every other model is read by <see cref="JsonSerializer"/> unchanged: one with object or collection properties
/// (reading those values one by one would tokenize each twice, costlier than one pass over the whole document), and
/// one whose contract this reader does not reproduce exactly (a parameterized constructor, required or
/// extension-data properties, custom converters or number handling on a property, polymorphism, deserialization
/// callbacks, case-insensitive names, unmapped-member or duplicate-property checks, nullable annotations enforced,
/// populated properties).
/// </para>
/// <para>
/// What stopping early changes, for a document whose declared properties all come before its end: the rest is not
/// read, so a malformed remainder is not detected, and a declared property repeated after that point is not seen
/// (System.Text.Json keeps the last occurrence). Webhook bodies are verified before they reach a handler, so the
/// remainder is the provider's own well-formed JSON.
/// </para>
/// </remarks>
internal sealed class DeclaredPropertyReader<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly DeclaredProperty[]? _properties;
    private readonly Func<object>? _createObject;
    private readonly JsonReaderOptions _readerOptions;

    public DeclaredPropertyReader(JsonTypeInfo<T> typeInfo)
    {
        _typeInfo = typeInfo;
        DeclaredProperty[] properties;
        try
        {
            if (!IsReproducible(typeInfo))
            {
                return;
            }

            // A property without a setter (read-only, or [JsonIgnore]d) is not read by System.Text.Json either.
            properties = [.. typeInfo.Properties.Where(static property => property.Set is not null).Select(static property => new DeclaredProperty(property))];
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            return; // A contract that cannot be resolved (a type without metadata): System.Text.Json will say so when it reads.
        }

        if (properties.Length is 0 or > 64 || !properties.All(static property => property.IsValue))
        {
            return; // Nothing to read, more than the bitmask below tracks, or an object or collection value.
        }

        _properties = properties;

        _createObject = ((JsonTypeInfo)typeInfo).CreateObject;
        _readerOptions = new JsonReaderOptions
        {
            AllowTrailingCommas = typeInfo.Options.AllowTrailingCommas,
            CommentHandling = typeInfo.Options.ReadCommentHandling,
            MaxDepth = typeInfo.Options.MaxDepth,
        };
    }

    /// <summary>Gets whether this model is read property by property (otherwise by <see cref="JsonSerializer"/>); for tests.</summary>
    public bool StopsEarly => _properties is not null;

    /// <summary>Deserializes <paramref name="json"/>; throws <see cref="JsonException"/> as <see cref="JsonSerializer"/> does.</summary>
    public T? Deserialize(ReadOnlySpan<byte> json)
    {
        if (_properties is null)
        {
            return JsonSerializer.Deserialize(json, _typeInfo);
        }

        var reader = new Utf8JsonReader(json, _readerOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonSerializer.Deserialize(json, _typeInfo); // null, an array, a scalar or nothing: System.Text.Json's own answer.
        }

        var result = _createObject!();
        var unread = _properties.Length == 64 ? ulong.MaxValue : (1UL << _properties.Length) - 1;
        while (unread != 0)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // Read to the end after all: like System.Text.Json, reject anything but whitespace after the object.
                if (reader.Read())
                {
                    throw new JsonException("The payload has content after its JSON object.");
                }

                break;
            }

            var index = IndexOf(ref reader);
            reader.Read();
            if (index < 0)
            {
                reader.Skip();
                continue;
            }

            _properties[index].Read(ref reader, result);
            unread &= ~(1UL << index);
        }

        return (T)result;
    }

    private int IndexOf(ref Utf8JsonReader reader)
    {
        var properties = _properties!;
        if (!reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            for (var i = 0; i < properties.Length; i++)
            {
                if (name.SequenceEqual(properties[i].Utf8Name))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < properties.Length; i++)
        {
            if (reader.ValueTextEquals(properties[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsReproducible(JsonTypeInfo typeInfo)
    {
        var options = typeInfo.Options;
        return typeInfo.Kind == JsonTypeInfoKind.Object
            && typeInfo.CreateObject is not null
            && typeInfo.PolymorphismOptions is null
            && typeInfo.OnDeserializing is null
            && typeInfo.OnDeserialized is null
            && typeInfo.NumberHandling is null
            && typeInfo.UnmappedMemberHandling is null or JsonUnmappedMemberHandling.Skip
            && typeInfo.PreferredPropertyObjectCreationHandling is null or JsonObjectCreationHandling.Replace
            && !options.PropertyNameCaseInsensitive
            && options.NumberHandling == JsonNumberHandling.Strict
            && options.UnmappedMemberHandling == JsonUnmappedMemberHandling.Skip
            && options.PreferredObjectCreationHandling == JsonObjectCreationHandling.Replace
            && !options.RespectNullableAnnotations
            && options.AllowDuplicateProperties
            && options.ReferenceHandler is null
#pragma warning disable SYSLIB0020 // Obsolete, but still honoured by System.Text.Json: null values are skipped.
            && !options.IgnoreNullValues
#pragma warning restore SYSLIB0020
            && typeInfo.Properties.All(static property =>
                !property.IsExtensionData
                && !property.IsRequired
                && property.CustomConverter is null
                && property.NumberHandling is null
                && property.ObjectCreationHandling is null or JsonObjectCreationHandling.Replace);
    }

    private sealed class DeclaredProperty(JsonPropertyInfo property)
    {
        private readonly JsonTypeInfo _valueTypeInfo = property.Options.GetTypeInfo(property.PropertyType);
        private readonly Action<object, object?> _set = property.Set!;

        public byte[] Utf8Name { get; } = System.Text.Encoding.UTF8.GetBytes(property.Name);

        /// <summary>Gets whether the value is read by a converter (a string, number, date…), not as an object or a collection.</summary>
        public bool IsValue => _valueTypeInfo.Kind == JsonTypeInfoKind.None;

        public void Read(ref Utf8JsonReader reader, object target) => _set(target, JsonSerializer.Deserialize(ref reader, _valueTypeInfo));
    }
}
