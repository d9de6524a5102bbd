using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.GitLab;

/// <summary>
/// Reads a <see cref="GitLabPushEvent"/> with the reader it shares with the other push event (<see cref="GitLabPushFieldsJsonReader"/>);
/// writes it as the generated contract does.
/// </summary>
internal sealed class GitLabPushEventJsonConverter() : ModelJsonConverter<GitLabPushEvent>(ReadObject, static () => GitLabJsonWriteContext.Default.GitLabPushEvent)
{
    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static GitLabPushEvent ReadObject(ref Utf8JsonReader reader) => GitLabPushFieldsJsonReader.ReadObject(ref reader, new GitLabPushEvent());
}
