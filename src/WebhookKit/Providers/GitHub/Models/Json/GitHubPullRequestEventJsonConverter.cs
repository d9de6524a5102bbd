using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>
/// Reads a <see cref="GitHubPullRequestEvent"/> in one pass: each property matched on its UTF-8 name and read straight from the
/// reader, unknown ones skipped (see <see cref="ModelJsonConverter{T}"/>); writes it as the generated contract does.
/// </summary>
internal sealed class GitHubPullRequestEventJsonConverter() : ModelJsonConverter<GitHubPullRequestEvent>(ReadObject, static () => GitHubJsonWriteContext.Default.GitHubPullRequestEvent)
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubPullRequestEvent? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubPullRequestEvent ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubPullRequestEvent));
        var value = new GitHubPullRequestEvent();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 6 when name.SequenceEqual("action"u8):
                    value.Action = ModelJson.RecurringString(ref reader);
                    break;
                case 6 when name.SequenceEqual("number"u8):
                    value.Number = ModelJson.Int32(ref reader);
                    break;
                case 12 when name.SequenceEqual("pull_request"u8):
                    value.PullRequest = GitHubPullRequestJsonReader.Read(ref reader);
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
