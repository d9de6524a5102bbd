using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.SharedToken;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds shared-token receivers, for senders that sign nothing.</summary>
public static class SharedTokenWebhooksBuilderExtensions
{
    /// <summary>The name of the default shared-token receiver, served at <c>/webhooks/token</c> and bound from <c>Webhooks:token</c>.</summary>
    public const string DefaultReceiverName = "token";

    /// <summary>Adds the default shared-token receiver, configured from <c>Webhooks:token</c> (for example <c>Webhooks:token:Secrets:0</c>).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSharedToken(this IWebhooksBuilder builder) => builder.AddSharedToken(DefaultReceiverName, null);

    /// <summary>Adds the default shared-token receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSharedToken(this IWebhooksBuilder builder, Action<SharedTokenWebhookOptions> configure) =>
        builder.AddSharedToken(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named shared-token receiver (for example <c>zapier</c>), served at <c>/webhooks/{receiverName}</c> with its
    /// own tokens, bound from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>. A token
    /// proves only that the sender knows it: see <see cref="SharedTokenWebhookOptions"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSharedToken(this IWebhooksBuilder builder, string receiverName, Action<SharedTokenWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<SharedTokenWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (_, receiverOptions) => new SharedTokenWebhookProvider(receiverOptions),
            SharedTokenWebhookProvider.ProviderName,
            static () => [new WebhookPayloadBinding<SharedTokenEvent>(SharedTokenWebhookProvider.ProviderName, null, SharedTokenJsonContext.Default.SharedTokenEvent)]);
    }
}
