using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>
/// Reads a <see cref="GitLabNoteEvent"/> in one pass: each property matched on its UTF-8 name and read straight from the
/// reader, unknown ones skipped (see <see cref="ModelJsonConverter{T}"/>); writes it as the generated contract does.
/// </summary>
internal sealed class GitLabNoteEventJsonConverter() : ModelJsonConverter<GitLabNoteEvent>(ReadObject, static () => GitLabJsonWriteContext.Default.GitLabNoteEvent)
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabNoteEvent? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabNoteEvent ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabNoteEvent));
        var value = new GitLabNoteEvent();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("user"u8):
                    value.User = GitLabUserJsonReader.Read(ref reader);
                    break;
                case 5 when name.SequenceEqual("issue"u8):
                    value.Issue = GitLabIssueJsonReader.Read(ref reader);
                    break;
                case 6 when name.SequenceEqual("commit"u8):
                    value.Commit = GitLabCommitJsonReader.Read(ref reader);
                    break;
                case 7 when name.SequenceEqual("project"u8):
                    value.Project = GitLabProjectJsonReader.Read(ref reader);
                    break;
                case 10 when name.SequenceEqual("event_type"u8):
                    value.EventType = ModelJson.RecurringString(ref reader);
                    break;
                case 10 when name.SequenceEqual("project_id"u8):
                    value.ProjectId = ModelJson.NullableInt64(ref reader);
                    break;
                case 11 when name.SequenceEqual("object_kind"u8):
                    value.ObjectKind = ModelJson.RecurringString(ref reader);
                    break;
                case 13 when name.SequenceEqual("merge_request"u8):
                    value.MergeRequest = GitLabMergeRequestJsonReader.Read(ref reader);
                    break;
                case 17 when name.SequenceEqual("object_attributes"u8):
                    value.ObjectAttributes = GitLabNoteJsonReader.Read(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
