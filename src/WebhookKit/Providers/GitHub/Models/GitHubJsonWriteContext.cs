using System.Text.Json.Serialization;

namespace WebhookKit.GitHub;

/// <summary>
/// The GitHub models' source-generated contract without the converters of <see cref="GitHubJsonContext"/>: what they
/// write with, so the JSON written stays what System.Text.Json writes for these types.
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
internal sealed partial class GitHubJsonWriteContext : JsonSerializerContext;
