using System.Text.Json.Serialization;

namespace WebhookKit.GitHub;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the GitHub payload models.
/// JSON names are snake_case; unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitHubEvent))]
[JsonSerializable(typeof(GitHubPushEvent))]
[JsonSerializable(typeof(GitHubPullRequestEvent))]
[JsonSerializable(typeof(GitHubIssuesEvent))]
[JsonSerializable(typeof(GitHubIssueCommentEvent))]
[JsonSerializable(typeof(GitHubPingEvent))]
[JsonSerializable(typeof(GitHubReleaseEvent))]
[JsonSerializable(typeof(GitHubWorkflowRunEvent))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
