using System.Text.Json.Serialization;

namespace WebhookKit.GitLab;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the GitLab payload models.
/// JSON names are snake_case; unknown properties are ignored.
/// </summary>
/// <remarks>
/// Each model is read by its own hand-written converter (<c>Models/Json/</c>), in one pass over the payload, and
/// written by the same contract without converters (<see cref="GitLabJsonWriteContext"/>). The converters are
/// registered here, not on the models, so a context of the user's own that includes a model is unaffected.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(GitLabEventJsonConverter),
        typeof(GitLabPushEventJsonConverter),
        typeof(GitLabTagPushEventJsonConverter),
        typeof(GitLabMergeRequestEventJsonConverter),
        typeof(GitLabPipelineEventJsonConverter),
        typeof(GitLabNoteEventJsonConverter),
        typeof(GitLabIssueEventJsonConverter),
    ])]
[JsonSerializable(typeof(GitLabEvent))]
[JsonSerializable(typeof(GitLabPushEvent))]
[JsonSerializable(typeof(GitLabTagPushEvent))]
[JsonSerializable(typeof(GitLabMergeRequestEvent))]
[JsonSerializable(typeof(GitLabPipelineEvent))]
[JsonSerializable(typeof(GitLabNoteEvent))]
[JsonSerializable(typeof(GitLabIssueEvent))]
internal sealed partial class GitLabJsonContext : JsonSerializerContext;
