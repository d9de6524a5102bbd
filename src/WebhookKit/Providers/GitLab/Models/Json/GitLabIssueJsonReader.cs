using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabIssue"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabIssueJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabIssue? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabIssue ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabIssue));
        var value = new GitLabIssue();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.NullableInt64(ref reader);
                    break;
                case 3 when name.SequenceEqual("iid"u8):
                    value.Iid = ModelJson.NullableInt64(ref reader);
                    break;
                case 3 when name.SequenceEqual("url"u8):
                    value.Url = ModelJson.String(ref reader);
                    break;
                case 5 when name.SequenceEqual("state"u8):
                    value.State = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("title"u8):
                    value.Title = ModelJson.String(ref reader);
                    break;
                case 6 when name.SequenceEqual("action"u8):
                    value.Action = ModelJson.RecurringString(ref reader);
                    break;
                case 9 when name.SequenceEqual("author_id"u8):
                    value.AuthorId = ModelJson.NullableInt64(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.String(ref reader);
                    break;
                case 10 when name.SequenceEqual("updated_at"u8):
                    value.UpdatedAt = ModelJson.String(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    value.Description = ModelJson.String(ref reader);
                    break;
                case 12 when name.SequenceEqual("confidential"u8):
                    value.Confidential = ModelJson.NullableBoolean(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
