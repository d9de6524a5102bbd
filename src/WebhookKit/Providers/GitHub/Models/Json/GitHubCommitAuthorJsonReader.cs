using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitHub;

/// <summary>Reads a <see cref="GitHubCommitAuthor"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitHubCommitAuthorJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitHubCommitAuthor? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitHubCommitAuthor ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitHubCommitAuthor));
        var value = new GitHubCommitAuthor();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("name"u8):
                    value.Name = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("email"u8):
                    value.Email = ModelJson.RecurringString(ref reader);
                    break;
                case 8 when name.SequenceEqual("username"u8):
                    value.Username = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
