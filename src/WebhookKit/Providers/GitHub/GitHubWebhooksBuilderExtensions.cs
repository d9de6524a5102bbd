using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds GitHub receivers.</summary>
public static class GitHubWebhooksBuilderExtensions
{
    /// <summary>The name of the default GitHub receiver, served at <c>/webhooks/github</c> and bound from <c>Webhooks:GitHub</c>.</summary>
    public const string DefaultReceiverName = "github";

    /// <summary>Adds the default GitHub receiver, configured from <c>Webhooks:GitHub</c> (for example <c>Webhooks:GitHub:Secrets:0</c>).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddGitHub(this IWebhooksBuilder builder) => builder.AddGitHub(DefaultReceiverName, null);

    /// <summary>Adds the default GitHub receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddGitHub(this IWebhooksBuilder builder, Action<GitHubWebhookOptions> configure) =>
        builder.AddGitHub(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named GitHub receiver, served at <c>/webhooks/{receiverName}</c> with its own secrets, bound
    /// from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddGitHub(this IWebhooksBuilder builder, string receiverName, Action<GitHubWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<GitHubWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (_, receiverOptions) => new GitHubWebhookProvider(receiverOptions),
            GitHubWebhookProvider.ProviderName,
            CreatePayloadBindings);
    }

    private static WebhookPayloadBinding[] CreatePayloadBindings()
    {
        const string github = GitHubWebhookProvider.ProviderName;
        var context = GitHubJsonContext.Default;
        return
        [
            new WebhookPayloadBinding<GitHubPushEvent>(github, "push", context.GitHubPushEvent),
            new WebhookPayloadBinding<GitHubPullRequestEvent>(github, "pull_request", context.GitHubPullRequestEvent),
            new WebhookPayloadBinding<GitHubIssuesEvent>(github, "issues", context.GitHubIssuesEvent),
            new WebhookPayloadBinding<GitHubIssueCommentEvent>(github, "issue_comment", context.GitHubIssueCommentEvent),
            new WebhookPayloadBinding<GitHubPingEvent>(github, "ping", context.GitHubPingEvent),
            new WebhookPayloadBinding<GitHubReleaseEvent>(github, "release", context.GitHubReleaseEvent),
            new WebhookPayloadBinding<GitHubWorkflowRunEvent>(github, "workflow_run", context.GitHubWorkflowRunEvent),
            new WebhookPayloadBinding<GitHubEvent>(github, null, context.GitHubEvent),
        ];
    }
}
