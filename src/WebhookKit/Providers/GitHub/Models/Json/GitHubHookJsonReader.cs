using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubHook"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubHookJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubHook? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubHook ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubHook));
        var value = new GitHubHook();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.Int64(ref reader);
                    break;
                case 4 when name.SequenceEqual("name"u8):
                    value.Name = ModelJson.RecurringString(ref reader);
                    break;
                case 4 when name.SequenceEqual("type"u8):
                    value.Type = ModelJson.RecurringString(ref reader);
                    break;
                case 6 when name.SequenceEqual("active"u8):
                    value.Active = ModelJson.NullableBoolean(ref reader);
                    break;
                case 6 when name.SequenceEqual("app_id"u8):
                    value.AppId = ModelJson.NullableInt64(ref reader);
                    break;
                case 6 when name.SequenceEqual("config"u8):
                    value.Config = GitHubHookConfigJsonReader.Read(ref reader);
                    break;
                case 6 when name.SequenceEqual("events"u8):
                    value.Events = ModelJson.StringList(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
