using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>Reads a <see cref="GitLabPipeline"/> in one pass, for the converters of the models that contain one.</summary>
internal static class GitLabPipelineJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static GitLabPipeline? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabPipeline ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(GitLabPipeline));
        var value = new GitLabPipeline();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.NullableInt64(ref reader);
                    break;
                case 3 when name.SequenceEqual("iid"u8):
                    value.Iid = ModelJson.NullableInt64(ref reader);
                    break;
                case 3 when name.SequenceEqual("ref"u8):
                    value.Ref = ModelJson.String(ref reader);
                    break;
                case 3 when name.SequenceEqual("sha"u8):
                    value.Sha = ModelJson.String(ref reader);
                    break;
                case 3 when name.SequenceEqual("tag"u8):
                    value.Tag = ModelJson.NullableBoolean(ref reader);
                    break;
                case 3 when name.SequenceEqual("url"u8):
                    value.Url = ModelJson.String(ref reader);
                    break;
                case 4 when name.SequenceEqual("name"u8):
                    value.Name = ModelJson.String(ref reader);
                    break;
                case 6 when name.SequenceEqual("source"u8):
                    value.Source = ModelJson.RecurringString(ref reader);
                    break;
                case 6 when name.SequenceEqual("stages"u8):
                    value.Stages = ModelJson.StringList(ref reader);
                    break;
                case 6 when name.SequenceEqual("status"u8):
                    value.Status = ModelJson.RecurringString(ref reader);
                    break;
                case 8 when name.SequenceEqual("duration"u8):
                    value.Duration = ModelJson.NullableDouble(ref reader);
                    break;
                case 10 when name.SequenceEqual("before_sha"u8):
                    value.BeforeSha = ModelJson.String(ref reader);
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    value.CreatedAt = ModelJson.String(ref reader);
                    break;
                case 11 when name.SequenceEqual("finished_at"u8):
                    value.FinishedAt = ModelJson.String(ref reader);
                    break;
                case 15 when name.SequenceEqual("detailed_status"u8):
                    value.DetailedStatus = ModelJson.RecurringString(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
