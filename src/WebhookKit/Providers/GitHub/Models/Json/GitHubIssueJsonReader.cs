using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubIssue"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubIssueJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubIssue? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubIssue ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubIssue));
        var value = new GitHubIssue();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.Int64(ref reader);
                    break;
                case 4 when name.SequenceEqual("body"u8):
                    value.Body = ModelJson.String(ref reader);
                    break;
                case 4 when name.SequenceEqual("user"u8):
                    value.User = GitHubUserJsonReader.Read(ref reader);
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
                case 6 when name.SequenceEqual("number"u8):
                    value.Number = ModelJson.Int32(ref reader);
                    break;
                case 7 when name.SequenceEqual("node_id"u8):
                    value.NodeId = ModelJson.String(ref reader);
                    break;
                case 8 when name.SequenceEqual("comments"u8):
                    value.Comments = ModelJson.NullableInt32(ref reader);
                    break;
                case 8 when name.SequenceEqual("html_url"u8):
                    value.HtmlUrl = ModelJson.String(ref reader);
                    break;
                case 9 when name.SequenceEqual("assignees"u8):
                    value.Assignees = ModelJson.List(ref reader, GitHubUserJsonReader.Read);
                    break;
                case 9 when name.SequenceEqual("closed_at"u8):
                    value.ClosedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 10 when name.SequenceEqual("updated_at"u8):
                    value.UpdatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 12 when name.SequenceEqual("pull_request"u8):
                    value.PullRequest = GitHubIssuePullRequestJsonReader.Read(ref reader);
                    break;
                case 12 when name.SequenceEqual("state_reason"u8):
                    value.StateReason = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
