using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabUser"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabUserJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabUser? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabUser ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabUser));
        var value = new GitLabUser();
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
                case 5 when name.SequenceEqual("email"u8):
                    value.Email = ModelJson.RecurringString(ref reader);
                    break;
                case 8 when name.SequenceEqual("username"u8):
                    value.Username = ModelJson.RecurringString(ref reader);
                    break;
                case 10 when name.SequenceEqual("avatar_url"u8):
                    value.AvatarUrl = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
