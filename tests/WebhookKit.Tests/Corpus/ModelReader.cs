using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WebhookKit.Internal;

namespace WebhookKit.Tests.Corpus;

/// <summary>Reads a payload into a built-in model both as dispatch does and as System.Text.Json does.</summary>
internal static class ModelReader
{
    /// <summary>
    /// Deserializes <paramref name="json"/> through <see cref="DeclaredPropertyReader{T}"/> (the dispatch path) and
    /// through <see cref="JsonSerializer"/>, checks that neither throws and that both read the same model, and returns it.
    /// </summary>
    public static T Read<T>(byte[] json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var viaDispatch = new DeclaredPropertyReader<T>(typeInfo).Deserialize(json);
        var viaSerializer = JsonSerializer.Deserialize(json, typeInfo);

        viaDispatch.Should().NotBeNull();
        viaSerializer.Should().NotBeNull();
        JsonSerializer.Serialize(viaDispatch, typeInfo).Should().Be(
            JsonSerializer.Serialize(viaSerializer, typeInfo),
            "the dispatch path reads the same {0} as System.Text.Json",
            typeof(T).Name);
        return viaSerializer!;
    }
}
