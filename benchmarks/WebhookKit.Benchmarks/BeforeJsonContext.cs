using System.Text.Json.Serialization;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Stripe;

namespace WebhookKit.Benchmarks;

/// <summary>
/// The built-in models' System.Text.Json source-generated contract as it was before issue 20 (the same options as
/// the library's own contexts, no converters): the "before" rows of <see cref="ModelBenchmarks"/>, measured in the
/// same run as the library's current contexts.
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
internal sealed partial class BeforeJsonContext : JsonSerializerContext;
