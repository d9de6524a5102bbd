using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubCommit"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubCommitJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubCommit? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubCommit ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubCommit));
        var value = new GitHubCommit();
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
                case 6 when name.SequenceEqual("author"u8):
                    value.Author = GitHubCommitAuthorJsonReader.Read(ref reader);
                    break;
                case 7 when name.SequenceEqual("message"u8):
                    value.Message = ModelJson.String(ref reader);
                    break;
                case 7 when name.SequenceEqual("removed"u8):
                    value.Removed = ModelJson.StringList(ref reader);
                    break;
                case 7 when name.SequenceEqual("tree_id"u8):
                    value.TreeId = ModelJson.String(ref reader);
                    break;
                case 8 when name.SequenceEqual("distinct"u8):
                    value.Distinct = ModelJson.NullableBoolean(ref reader);
                    break;
                case 8 when name.SequenceEqual("modified"u8):
                    value.Modified = ModelJson.StringList(ref reader);
                    break;
                case 9 when name.SequenceEqual("committer"u8):
                    value.Committer = GitHubCommitAuthorJsonReader.Read(ref reader);
                    break;
                case 9 when name.SequenceEqual("timestamp"u8):
                    value.Timestamp = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
