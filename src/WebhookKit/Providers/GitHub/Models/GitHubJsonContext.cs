using System.Text.Json.Serialization;

namespace WebhookKit.GitHub;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the GitHub payload models.
/// JSON names are snake_case; unknown properties are ignored.
/// </summary>
/// <remarks>
/// Each model is read by its own hand-written converter (<c>Models/Json/</c>), in one pass over the payload, and
/// written by the same contract without converters (<see cref="GitHubJsonWriteContext"/>). The converters are
/// registered here, not on the models, so a context of the user's own that includes a model is unaffected.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(GitHubEventJsonConverter),
        typeof(GitHubPushEventJsonConverter),
        typeof(GitHubPullRequestEventJsonConverter),
        typeof(GitHubIssuesEventJsonConverter),
        typeof(GitHubIssueCommentEventJsonConverter),
        typeof(GitHubPingEventJsonConverter),
        typeof(GitHubReleaseEventJsonConverter),
        typeof(GitHubWorkflowRunEventJsonConverter),
    ])]
[JsonSerializable(typeof(GitHubEvent))]
[JsonSerializable(typeof(GitHubPushEvent))]
[JsonSerializable(typeof(GitHubPullRequestEvent))]
[JsonSerializable(typeof(GitHubIssuesEvent))]
[JsonSerializable(typeof(GitHubIssueCommentEvent))]
[JsonSerializable(typeof(GitHubPingEvent))]
[JsonSerializable(typeof(GitHubReleaseEvent))]
[JsonSerializable(typeof(GitHubWorkflowRunEvent))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
