using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubInstallation"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubInstallationJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubInstallation? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubInstallation ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubInstallation));
        var value = new GitHubInstallation();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.Int64(ref reader);
                    break;
                case 7 when name.SequenceEqual("node_id"u8):
                    value.NodeId = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
