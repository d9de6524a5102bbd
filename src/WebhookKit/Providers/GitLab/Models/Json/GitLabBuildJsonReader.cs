using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabBuild"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabBuildJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabBuild? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabBuild ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabBuild));
        var value = new GitLabBuild();
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
                case 4 when name.SequenceEqual("user"u8):
                    value.User = GitLabUserJsonReader.Read(ref reader);
                    break;
                case 4 when name.SequenceEqual("when"u8):
                    value.When = ModelJson.String(ref reader);
                    break;
                case 5 when name.SequenceEqual("stage"u8):
                    value.Stage = ModelJson.RecurringString(ref reader);
                    break;
                case 6 when name.SequenceEqual("manual"u8):
                    value.Manual = ModelJson.NullableBoolean(ref reader);
                    break;
                case 6 when name.SequenceEqual("status"u8):
                    value.Status = ModelJson.RecurringString(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.String(ref reader);
                    break;
                case 10 when name.SequenceEqual("started_at"u8):
                    value.StartedAt = ModelJson.String(ref reader);
                    break;
                case 11 when name.SequenceEqual("finished_at"u8):
                    value.FinishedAt = ModelJson.String(ref reader);
                    break;
                case 13 when name.SequenceEqual("allow_failure"u8):
                    value.AllowFailure = ModelJson.NullableBoolean(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
