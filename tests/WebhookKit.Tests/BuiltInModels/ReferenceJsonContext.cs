using System.Text.Json.Serialization;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Stripe;

namespace WebhookKit.Tests.BuiltInModels;

/// <summary>
/// The built-in models read by System.Text.Json's source-generated contract alone, with the library contexts' options
/// and no converters: how they were read before their hand-written converters, and the reference those must equal.
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
[JsonSerializable(typeof(GitLabEvent))]
[JsonSerializable(typeof(GitLabPushEvent))]
[JsonSerializable(typeof(GitLabTagPushEvent))]
[JsonSerializable(typeof(GitLabMergeRequestEvent))]
[JsonSerializable(typeof(GitLabPipelineEvent))]
[JsonSerializable(typeof(GitLabNoteEvent))]
[JsonSerializable(typeof(GitLabIssueEvent))]
[JsonSerializable(typeof(StripeEvent))]
internal sealed partial class ReferenceJsonContext : JsonSerializerContext;
