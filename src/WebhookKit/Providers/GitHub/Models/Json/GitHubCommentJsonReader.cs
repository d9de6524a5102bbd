using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubComment"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubCommentJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubComment? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubComment ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubComment));
        var value = new GitHubComment();
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
                case 7 when name.SequenceEqual("node_id"u8):
                    value.NodeId = ModelJson.String(ref reader);
                    break;
                case 8 when name.SequenceEqual("html_url"u8):
                    value.HtmlUrl = ModelJson.String(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 10 when name.SequenceEqual("updated_at"u8):
                    value.UpdatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 18 when name.SequenceEqual("author_association"u8):
                    value.AuthorAssociation = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
