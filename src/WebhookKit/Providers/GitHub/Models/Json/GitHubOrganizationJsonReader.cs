using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubOrganization"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubOrganizationJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubOrganization? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubOrganization ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubOrganization));
        var value = new GitHubOrganization();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.Int64(ref reader);
                    break;
                case 5 when name.SequenceEqual("login"u8):
                    value.Login = ModelJson.RecurringString(ref reader);
                    break;
                case 7 when name.SequenceEqual("node_id"u8):
                    value.NodeId = ModelJson.RecurringString(ref reader);
                    break;
                case 10 when name.SequenceEqual("avatar_url"u8):
                    value.AvatarUrl = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("description"u8):
                    value.Description = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
