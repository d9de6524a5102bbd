using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubRepository"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubRepositoryJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubRepository? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubRepository ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubRepository));
        var value = new GitHubRepository();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.Int64(ref reader);
                    break;
                case 4 when name.SequenceEqual("fork"u8):
                    value.Fork = ModelJson.NullableBoolean(ref reader);
                    break;
                case 4 when name.SequenceEqual("name"u8):
                    value.Name = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("owner"u8):
                    value.Owner = GitHubUserJsonReader.Read(ref reader);
                    break;
                case 7 when name.SequenceEqual("node_id"u8):
                    value.NodeId = ModelJson.RecurringString(ref reader);
                    break;
                case 7 when name.SequenceEqual("private"u8):
                    value.Private = ModelJson.Boolean(ref reader);
                    break;
                case 7 when name.SequenceEqual("ssh_url"u8):
                    value.SshUrl = ModelJson.RecurringString(ref reader);
                    break;
                case 8 when name.SequenceEqual("archived"u8):
                    value.Archived = ModelJson.NullableBoolean(ref reader);
                    break;
                case 8 when name.SequenceEqual("html_url"u8):
                    value.HtmlUrl = ModelJson.RecurringString(ref reader);
                    break;
                case 9 when name.SequenceEqual("clone_url"u8):
                    value.CloneUrl = ModelJson.RecurringString(ref reader);
                    break;
                case 9 when name.SequenceEqual("full_name"u8):
                    value.FullName = ModelJson.RecurringString(ref reader);
                    break;
                case 10 when name.SequenceEqual("visibility"u8):
                    value.Visibility = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    value.Description = ModelJson.RecurringString(ref reader);
                    break;
                case 14 when name.SequenceEqual("default_branch"u8):
                    value.DefaultBranch = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
