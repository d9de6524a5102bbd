using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabProject"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabProjectJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabProject? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabProject ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabProject));
        var value = new GitLabProject();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.NullableInt64(ref reader);
                    break;
                case 4 when name.SequenceEqual("name"u8):
                    value.Name = ModelJson.RecurringString(ref reader);
                    break;
                case 7 when name.SequenceEqual("web_url"u8):
                    value.WebUrl = ModelJson.RecurringString(ref reader);
                    break;
                case 9 when name.SequenceEqual("namespace"u8):
                    value.Namespace = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    value.Description = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("git_ssh_url"u8):
                    value.GitSshUrl = ModelJson.RecurringString(ref reader);
                    break;
                case 12 when name.SequenceEqual("git_http_url"u8):
                    value.GitHttpUrl = ModelJson.RecurringString(ref reader);
                    break;
                case 14 when name.SequenceEqual("default_branch"u8):
                    value.DefaultBranch = ModelJson.RecurringString(ref reader);
                    break;
                case 16 when name.SequenceEqual("visibility_level"u8):
                    value.VisibilityLevel = ModelJson.NullableInt32(ref reader);
                    break;
                case 19 when name.SequenceEqual("path_with_namespace"u8):
                    value.PathWithNamespace = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
