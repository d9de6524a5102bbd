using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>
/// Reads a <see cref="GitHubPushEvent"/> in one pass: each property matched on its UTF-8 name and read straight from the
/// reader, unknown ones skipped (see <see cref="ModelJsonConverter{T}"/>); writes it as the generated contract does.
/// </summary>
internal sealed class GitHubPushEventJsonConverter() : ModelJsonConverter<GitHubPushEvent>(ReadObject, static () => GitHubJsonWriteContext.Default.GitHubPushEvent)
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubPushEvent? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubPushEvent ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubPushEvent));
        var value = new GitHubPushEvent();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("ref"u8):
                    value.Ref = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("after"u8):
                    value.After = ModelJson.String(ref reader);
                    break;
                case 6 when name.SequenceEqual("before"u8):
                    value.Before = ModelJson.String(ref reader);
                    break;
                case 6 when name.SequenceEqual("forced"u8):
                    value.Forced = ModelJson.Boolean(ref reader);
                    break;
                case 6 when name.SequenceEqual("pusher"u8):
                    value.Pusher = GitHubCommitAuthorJsonReader.Read(ref reader);
                    break;
                case 7 when name.SequenceEqual("commits"u8):
                    value.Commits = ModelJson.List(ref reader, GitHubCommitJsonReader.Read);
                    break;
                case 7 when name.SequenceEqual("compare"u8):
                    value.Compare = ModelJson.String(ref reader);
                    break;
                case 7 when name.SequenceEqual("created"u8):
                    value.Created = ModelJson.Boolean(ref reader);
                    break;
                case 7 when name.SequenceEqual("deleted"u8):
                    value.Deleted = ModelJson.Boolean(ref reader);
                    break;
                case 8 when name.SequenceEqual("base_ref"u8):
                    value.BaseRef = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("head_commit"u8):
                    value.HeadCommit = GitHubCommitJsonReader.Read(ref reader);
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
