using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.Internal.Json;

/// <summary>
/// The converter of a built-in payload model, registered in its provider's source-generated context: reads the model
/// with its hand-written reader, in one pass with no property lookups, and writes it with the converter-free
/// generated contract, so that what is written stays what System.Text.Json writes.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
/// <param name="read">The model's reader (called on the object's first token, which System.Text.Json never calls with <c>null</c>).</param>
/// <param name="writeTypeInfo">The model's contract in the converter-free context, got on first write.</param>
internal abstract class ModelJsonConverter<T>(ModelValueReader<T> read, Func<JsonTypeInfo<T>> writeTypeInfo) : JsonConverter<T>
    where T : class
{
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = reader;
        var outer = ModelStrings.Enter();
        try
        {
            return read(ref reader);
        }
        catch (Exception exception) when (ModelJsonFailure.IsModelFailure(exception))
        {
            throw ModelJsonFailure.WithPath(exception, start, reader, writeTypeInfo());
        }
        finally
        {
            ModelStrings.Exit(outer);
        }
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, writeTypeInfo());
}
