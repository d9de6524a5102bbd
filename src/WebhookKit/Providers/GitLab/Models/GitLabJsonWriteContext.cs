using System.Text.Json.Serialization;

namespace WebhookKit.GitLab;

/// <summary>
/// The GitLab models' source-generated contract without the converters of <see cref="GitLabJsonContext"/>: what they
/// write with, so the JSON written stays what System.Text.Json writes for these types.
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
internal sealed partial class GitLabJsonWriteContext : JsonSerializerContext;
