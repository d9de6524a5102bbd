using System.Text.Json.Serialization;

namespace WebhookKit.GitLab;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the GitLab payload models.
/// JSON names are snake_case; unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitLabEvent))]
[JsonSerializable(typeof(GitLabPushEvent))]
[JsonSerializable(typeof(GitLabTagPushEvent))]
[JsonSerializable(typeof(GitLabMergeRequestEvent))]
[JsonSerializable(typeof(GitLabPipelineEvent))]
[JsonSerializable(typeof(GitLabNoteEvent))]
[JsonSerializable(typeof(GitLabIssueEvent))]
internal sealed partial class GitLabJsonContext : JsonSerializerContext;
