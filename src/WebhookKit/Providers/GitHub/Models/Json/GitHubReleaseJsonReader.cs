using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubRelease"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubReleaseJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubRelease? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubRelease ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubRelease));
        var value = new GitHubRelease();
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
                case 4 when name.SequenceEqual("name"u8):
                    value.Name = ModelJson.String(ref reader);
                    break;
                case 5 when name.SequenceEqual("draft"u8):
                    value.Draft = ModelJson.NullableBoolean(ref reader);
                    break;
                case 6 when name.SequenceEqual("author"u8):
                    value.Author = GitHubUserJsonReader.Read(ref reader);
                    break;
                case 7 when name.SequenceEqual("node_id"u8):
                    value.NodeId = ModelJson.String(ref reader);
                    break;
                case 8 when name.SequenceEqual("html_url"u8):
                    value.HtmlUrl = ModelJson.String(ref reader);
                    break;
                case 8 when name.SequenceEqual("tag_name"u8):
                    value.TagName = ModelJson.String(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 10 when name.SequenceEqual("prerelease"u8):
                    value.Prerelease = ModelJson.NullableBoolean(ref reader);
                    break;
                case 12 when name.SequenceEqual("published_at"u8):
                    value.PublishedAt = ModelJson.NullableDateTimeOffset(ref reader);
                    break;
                case 16 when name.SequenceEqual("target_commitish"u8):
                    value.TargetCommitish = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
