using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubWorkflowRun"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubWorkflowRunJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubWorkflowRun? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubWorkflowRun ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubWorkflowRun));
        var value = new GitHubWorkflowRun();
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
                case 4 when name.SequenceEqual("path"u8):
                    value.Path = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("actor"u8):
                    value.Actor = GitHubUserJsonReader.Read(ref reader);
                    break;
                case 5 when name.SequenceEqual("event"u8):
                    value.Event = ModelJson.RecurringString(ref reader);
                    break;
                case 6 when name.SequenceEqual("status"u8):
                    value.Status = ModelJson.RecurringString(ref reader);
                    break;
                case 8 when name.SequenceEqual("head_sha"u8):
                    value.HeadSha = ModelJson.String(ref reader);
                    break;
                case 8 when name.SequenceEqual("html_url"u8):
                    value.HtmlUrl = ModelJson.String(ref reader);
                    break;
                case 10 when name.SequenceEqual("conclusion"u8):
                    value.Conclusion = ModelJson.RecurringString(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 10 when name.SequenceEqual("run_number"u8):
                    value.RunNumber = ModelJson.Int64(ref reader);
                    break;
                case 10 when name.SequenceEqual("updated_at"u8):
                    value.UpdatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 11 when name.SequenceEqual("head_branch"u8):
                    value.HeadBranch = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("head_commit"u8):
                    value.HeadCommit = GitHubCommitJsonReader.Read(ref reader);
                    break;
                case 11 when name.SequenceEqual("run_attempt"u8):
                    value.RunAttempt = ModelJson.NullableInt32(ref reader);
                    break;
                case 11 when name.SequenceEqual("workflow_id"u8):
                    value.WorkflowId = ModelJson.NullableInt64(ref reader);
                    break;
                case 13 when name.SequenceEqual("display_title"u8):
                    value.DisplayTitle = ModelJson.String(ref reader);
                    break;
                case 14 when name.SequenceEqual("run_started_at"u8):
                    value.RunStartedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
