using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>
/// Reads a <see cref="GitHubPingEvent"/> in one pass: each property matched on its UTF-8 name and read straight from the
/// reader, unknown ones skipped (see <see cref="ModelJsonConverter{T}"/>); writes it as the generated contract does.
/// </summary>
internal sealed class GitHubPingEventJsonConverter() : ModelJsonConverter<GitHubPingEvent>(ReadObject, static () => GitHubJsonWriteContext.Default.GitHubPingEvent)
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubPingEvent? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubPingEvent ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubPingEvent));
        var value = new GitHubPingEvent();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("zen"u8):
                    value.Zen = ModelJson.String(ref reader);
                    break;
                case 4 when name.SequenceEqual("hook"u8):
                    value.Hook = GitHubHookJsonReader.Read(ref reader);
                    break;
                case 7 when name.SequenceEqual("hook_id"u8):
                    value.HookId = ModelJson.Int64(ref reader);
                    break;
                default:
                    // The envelope every event has (sender, repository, installation, organization), or unknown.
                    if (!GitHubEventEnvelopeJsonReader.TryRead(name, ref reader, value))
                    {
                        ModelJson.Skip(ref reader);
                    }

                    break;
            }
        }

        return value;
    }
}
