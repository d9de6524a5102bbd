using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubPullRequest"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubPullRequestJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubPullRequest? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubPullRequest ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubPullRequest));
        var value = new GitHubPullRequest();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.Int64(ref reader);
                    break;
                case 4 when name.SequenceEqual("base"u8):
                    value.Base = GitHubPullRequestBranchJsonReader.Read(ref reader);
                    break;
                case 4 when name.SequenceEqual("body"u8):
                    value.Body = ModelJson.String(ref reader);
                    break;
                case 4 when name.SequenceEqual("head"u8):
                    value.Head = GitHubPullRequestBranchJsonReader.Read(ref reader);
                    break;
                case 4 when name.SequenceEqual("user"u8):
                    value.User = GitHubUserJsonReader.Read(ref reader);
                    break;
                case 5 when name.SequenceEqual("draft"u8):
                    value.Draft = ModelJson.NullableBoolean(ref reader);
                    break;
                case 5 when name.SequenceEqual("state"u8):
                    value.State = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("title"u8):
                    value.Title = ModelJson.String(ref reader);
                    break;
                case 6 when name.SequenceEqual("labels"u8):
                    value.Labels = ModelJson.List(ref reader, GitHubLabelJsonReader.Read);
                    break;
                case 6 when name.SequenceEqual("merged"u8):
                    value.Merged = ModelJson.NullableBoolean(ref reader);
                    break;
                case 6 when name.SequenceEqual("number"u8):
                    value.Number = ModelJson.Int32(ref reader);
                    break;
                case 7 when name.SequenceEqual("node_id"u8):
                    value.NodeId = ModelJson.String(ref reader);
                    break;
                case 8 when name.SequenceEqual("html_url"u8):
                    value.HtmlUrl = ModelJson.String(ref reader);
                    break;
                case 9 when name.SequenceEqual("closed_at"u8):
                    value.ClosedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 9 when name.SequenceEqual("merged_at"u8):
                    value.MergedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 10 when name.SequenceEqual("updated_at"u8):
                    value.UpdatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 16 when name.SequenceEqual("merge_commit_sha"u8):
                    value.MergeCommitSha = ModelJson.String(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
