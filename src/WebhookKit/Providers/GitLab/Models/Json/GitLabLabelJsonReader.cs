using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabLabel"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabLabelJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabLabel? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabLabel ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabLabel));
        var value = new GitLabLabel();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.NullableInt64(ref reader);
                    break;
                case 4 when name.SequenceEqual("type"u8):
                    value.Type = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("color"u8):
                    value.Color = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("title"u8):
                    value.Title = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    value.Description = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
