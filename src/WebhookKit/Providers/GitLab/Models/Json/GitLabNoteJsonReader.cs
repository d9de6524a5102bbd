using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabNote"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabNoteJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabNote? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabNote ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabNote));
        var value = new GitLabNote();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.NullableInt64(ref reader);
                    break;
                case 3 when name.SequenceEqual("url"u8):
                    value.Url = ModelJson.String(ref reader);
                    break;
                case 4 when name.SequenceEqual("note"u8):
                    value.Note = ModelJson.String(ref reader);
                    break;
                case 6 when name.SequenceEqual("action"u8):
                    value.Action = ModelJson.RecurringString(ref reader);
                    break;
                case 6 when name.SequenceEqual("system"u8):
                    value.System = ModelJson.NullableBoolean(ref reader);
                    break;
                case 9 when name.SequenceEqual("author_id"u8):
                    value.AuthorId = ModelJson.NullableInt64(ref reader);
                    break;
                case 9 when name.SequenceEqual("commit_id"u8):
                    value.CommitId = ModelJson.String(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.String(ref reader);
                    break;
                case 10 when name.SequenceEqual("updated_at"u8):
                    value.UpdatedAt = ModelJson.String(ref reader);
                    break;
                case 11 when name.SequenceEqual("noteable_id"u8):
                    value.NoteableId = ModelJson.NullableInt64(ref reader);
                    break;
                case 13 when name.SequenceEqual("noteable_type"u8):
                    value.NoteableType = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
