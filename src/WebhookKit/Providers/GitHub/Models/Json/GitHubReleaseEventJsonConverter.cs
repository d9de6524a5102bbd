using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>
/// Reads a <see cref="GitHubReleaseEvent"/> in one pass: each property matched on its UTF-8 name and read straight from the
/// reader, unknown ones skipped (see <see cref="ModelJsonConverter{T}"/>); writes it as the generated contract does.
/// </summary>
internal sealed class GitHubReleaseEventJsonConverter() : ModelJsonConverter<GitHubReleaseEvent>(ReadObject, static () => GitHubJsonWriteContext.Default.GitHubReleaseEvent)
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubReleaseEvent? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubReleaseEvent ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubReleaseEvent));
        var value = new GitHubReleaseEvent();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 6 when name.SequenceEqual("action"u8):
                    value.Action = ModelJson.RecurringString(ref reader);
                    break;
                case 7 when name.SequenceEqual("release"u8):
                    value.Release = GitHubReleaseJsonReader.Read(ref reader);
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
