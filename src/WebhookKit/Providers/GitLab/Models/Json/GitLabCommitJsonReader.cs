using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabCommit"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabCommitJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabCommit? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabCommit ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabCommit));
        var value = new GitLabCommit();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.String(ref reader);
                    break;
                case 3 when name.SequenceEqual("url"u8):
                    value.Url = ModelJson.String(ref reader);
                    break;
                case 5 when name.SequenceEqual("added"u8):
                    value.Added = ModelJson.StringList(ref reader);
                    break;
                case 5 when name.SequenceEqual("title"u8):
                    value.Title = ModelJson.String(ref reader);
                    break;
                case 6 when name.SequenceEqual("author"u8):
                    value.Author = GitLabCommitAuthorJsonReader.Read(ref reader);
                    break;
                case 7 when name.SequenceEqual("message"u8):
                    value.Message = ModelJson.String(ref reader);
                    break;
                case 7 when name.SequenceEqual("removed"u8):
                    value.Removed = ModelJson.StringList(ref reader);
                    break;
                case 8 when name.SequenceEqual("modified"u8):
                    value.Modified = ModelJson.StringList(ref reader);
                    break;
                case 9 when name.SequenceEqual("timestamp"u8):
                    value.Timestamp = ModelJson.String(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
