using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabCommitAuthor"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabCommitAuthorJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabCommitAuthor? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabCommitAuthor ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabCommitAuthor));
        var value = new GitLabCommitAuthor();
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
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
