using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>
/// Reads a <see cref="GitHubEvent"/> in one pass: each property matched on its UTF-8 name and read straight from the
/// reader, unknown ones skipped (see <see cref="ModelJsonConverter{T}"/>); writes it as the generated contract does.
/// </summary>
internal sealed class GitHubEventJsonConverter() : ModelJsonConverter<GitHubEvent>(ReadObject, static () => GitHubJsonWriteContext.Default.GitHubEvent)
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubEvent? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubEvent ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubEvent));
        var value = new GitHubEvent();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 6 when name.SequenceEqual("action"u8):
                    value.Action = ModelJson.RecurringString(ref reader);
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
