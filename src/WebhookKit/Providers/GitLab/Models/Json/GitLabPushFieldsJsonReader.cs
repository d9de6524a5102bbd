using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>
/// Reads the object the reader is on into a push or tag push event (<see cref="IGitLabPushFields"/>) in one pass:
/// each property matched on its UTF-8 name and read straight from the reader, unknown ones skipped (see
/// <see cref="ModelJsonConverter{T}"/>).
/// </summary>
internal static class GitLabPushFieldsJsonReader
{
    /// <summary>Reads the object the reader is on into <paramref name="value"/> (a <see cref="JsonException"/> for any other token).</summary>
    public static T ReadObject<T>(ref Utf8JsonReader reader, T value)
        where T : class, IGitLabPushFields
    {
        ModelJson.ExpectObject(ref reader, typeof(T));
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("ref"u8):
                    value.Ref = ModelJson.RecurringString(ref reader);
                    break;
                case 5 when name.SequenceEqual("after"u8):
                    value.After = ModelJson.String(ref reader);
                    break;
                case 6 when name.SequenceEqual("before"u8):
                    value.Before = ModelJson.String(ref reader);
                    break;
                case 7 when name.SequenceEqual("commits"u8):
                    value.Commits = ModelJson.List(ref reader, GitLabCommitJsonReader.Read);
                    break;
                case 7 when name.SequenceEqual("project"u8):
                    value.Project = GitLabProjectJsonReader.Read(ref reader);
                    break;
                case 7 when name.SequenceEqual("user_id"u8):
                    value.UserId = ModelJson.NullableInt64(ref reader);
                    break;
                case 9 when name.SequenceEqual("user_name"u8):
                    value.UserName = ModelJson.RecurringString(ref reader);
                    break;
                case 10 when name.SequenceEqual("event_name"u8):
                    value.EventName = ModelJson.RecurringString(ref reader);
                    break;
                case 10 when name.SequenceEqual("project_id"u8):
                    value.ProjectId = ModelJson.NullableInt64(ref reader);
                    break;
                case 10 when name.SequenceEqual("user_email"u8):
                    value.UserEmail = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("object_kind"u8):
                    value.ObjectKind = ModelJson.RecurringString(ref reader);
                    break;
                case 11 when name.SequenceEqual("user_avatar"u8):
                    value.UserAvatar = ModelJson.RecurringString(ref reader);
                    break;
                case 12 when name.SequenceEqual("checkout_sha"u8):
                    value.CheckoutSha = ModelJson.String(ref reader);
                    break;
                case 13 when name.SequenceEqual("user_username"u8):
                    value.UserUsername = ModelJson.RecurringString(ref reader);
                    break;
                case 19 when name.SequenceEqual("total_commits_count"u8):
                    value.TotalCommitsCount = ModelJson.NullableInt32(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
