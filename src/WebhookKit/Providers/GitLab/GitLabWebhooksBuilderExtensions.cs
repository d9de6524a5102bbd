using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.GitLab;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds GitLab receivers.</summary>
public static class GitLabWebhooksBuilderExtensions
{
    /// <summary>The name of the default GitLab receiver, served at <c>/webhooks/gitlab</c> and bound from <c>Webhooks:GitLab</c>.</summary>
    public const string DefaultReceiverName = "gitlab";

    /// <summary>Adds the default GitLab receiver, configured from <c>Webhooks:GitLab</c> (for example <c>Webhooks:GitLab:Secrets:0</c>).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddGitLab(this IWebhooksBuilder builder) => builder.AddGitLab(DefaultReceiverName, null);

    /// <summary>Adds the default GitLab receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddGitLab(this IWebhooksBuilder builder, Action<GitLabWebhookOptions> configure) =>
        builder.AddGitLab(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named GitLab receiver, served at <c>/webhooks/{receiverName}</c> with its own tokens, bound
    /// from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddGitLab(this IWebhooksBuilder builder, string receiverName, Action<GitLabWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<GitLabWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (services, receiverOptions) => new GitLabWebhookProvider(receiverOptions, services.GetRequiredService<TimeProvider>()),
            GitLabWebhookProvider.ProviderName,
            CreatePayloadBindings);
    }

    private static WebhookPayloadBinding[] CreatePayloadBindings()
    {
        const string gitlab = GitLabWebhookProvider.ProviderName;
        var context = GitLabJsonContext.Default;
        return
        [
            new WebhookPayloadBinding<GitLabPushEvent>(gitlab, "Push Hook", context.GitLabPushEvent),
            new WebhookPayloadBinding<GitLabTagPushEvent>(gitlab, "Tag Push Hook", context.GitLabTagPushEvent),
            new WebhookPayloadBinding<GitLabMergeRequestEvent>(gitlab, "Merge Request Hook", context.GitLabMergeRequestEvent),
            new WebhookPayloadBinding<GitLabPipelineEvent>(gitlab, "Pipeline Hook", context.GitLabPipelineEvent),
            new WebhookPayloadBinding<GitLabNoteEvent>(gitlab, "Note Hook", context.GitLabNoteEvent),
            new WebhookPayloadBinding<GitLabNoteEvent>(gitlab, "Confidential Note Hook", context.GitLabNoteEvent),
            new WebhookPayloadBinding<GitLabIssueEvent>(gitlab, "Issue Hook", context.GitLabIssueEvent),
            new WebhookPayloadBinding<GitLabIssueEvent>(gitlab, "Confidential Issue Hook", context.GitLabIssueEvent),
            new WebhookPayloadBinding<GitLabEvent>(gitlab, null, context.GitLabEvent),
        ];
    }
}
