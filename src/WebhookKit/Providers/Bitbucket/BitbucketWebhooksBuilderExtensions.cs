using WebhookKit;
using WebhookKit.Bitbucket;
using WebhookKit.Dispatch;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Bitbucket Cloud receivers.</summary>
public static class BitbucketWebhooksBuilderExtensions
{
    /// <summary>The name of the default Bitbucket receiver, served at <c>/webhooks/bitbucket</c> and bound from <c>Webhooks:Bitbucket</c>.</summary>
    public const string DefaultReceiverName = "bitbucket";

    /// <summary>The pull request events, bound to <see cref="BitbucketPullRequestEvent"/>.</summary>
    private static readonly string[] PullRequestEvents =
        ["pullrequest:created", "pullrequest:updated", "pullrequest:approved", "pullrequest:unapproved", "pullrequest:changes_request_created", "pullrequest:changes_request_removed", "pullrequest:fulfilled", "pullrequest:rejected"];

    /// <summary>Adds the default Bitbucket receiver, configured from <c>Webhooks:Bitbucket</c> (for example <c>Webhooks:Bitbucket:Secrets:0</c>, the webhook's secret).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddBitbucket(this IWebhooksBuilder builder) => builder.AddBitbucket(DefaultReceiverName, null);

    /// <summary>Adds the default Bitbucket receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddBitbucket(this IWebhooksBuilder builder, Action<BitbucketWebhookOptions> configure) =>
        builder.AddBitbucket(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Bitbucket receiver (for example one per workspace), served at <c>/webhooks/{receiverName}</c> with
    /// its own secrets, bound from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddBitbucket(this IWebhooksBuilder builder, string receiverName, Action<BitbucketWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<BitbucketWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (_, receiverOptions) => new BitbucketWebhookProvider(receiverOptions),
            BitbucketWebhookProvider.ProviderName,
            CreatePayloadBindings);
    }

    private static WebhookPayloadBinding[] CreatePayloadBindings()
    {
        const string bitbucket = BitbucketWebhookProvider.ProviderName;
        var context = BitbucketJsonContext.Default;
        return
        [
            new WebhookPayloadBinding<BitbucketPushEvent>(bitbucket, "repo:push", context.BitbucketPushEvent),
            .. PullRequestEvents.Select(type => new WebhookPayloadBinding<BitbucketPullRequestEvent>(bitbucket, type, context.BitbucketPullRequestEvent)),
            new WebhookPayloadBinding<BitbucketEvent>(bitbucket, null, context.BitbucketEvent),
        ];
    }
}
