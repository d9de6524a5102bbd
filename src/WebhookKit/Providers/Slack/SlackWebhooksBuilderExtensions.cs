using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Slack;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Slack receivers (Events API, slash commands and interactivity at one URL).</summary>
public static class SlackWebhooksBuilderExtensions
{
    /// <summary>The name of the default Slack receiver, served at <c>/webhooks/slack</c> and bound from <c>Webhooks:Slack</c>.</summary>
    public const string DefaultReceiverName = "slack";

    /// <summary>The interactivity payload types bound to <see cref="SlackInteraction"/>.</summary>
    private static readonly string[] InteractionTypes =
        ["block_actions", "block_suggestion", "shortcut", "message_action", "view_submission", "view_closed", "interactive_message", "dialog_submission", "dialog_cancellation", "workflow_step_edit"];

    /// <summary>Adds the default Slack receiver, configured from <c>Webhooks:Slack</c> (for example <c>Webhooks:Slack:Secrets:0</c>, the app's signing secret).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSlack(this IWebhooksBuilder builder) => builder.AddSlack(DefaultReceiverName, null);

    /// <summary>Adds the default Slack receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSlack(this IWebhooksBuilder builder, Action<SlackWebhookOptions> configure) =>
        builder.AddSlack(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Slack receiver (for example one per Slack app), served at <c>/webhooks/{receiverName}</c> with its
    /// own signing secrets, bound from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSlack(this IWebhooksBuilder builder, string receiverName, Action<SlackWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<SlackWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (services, receiverOptions) => new SlackWebhookProvider(receiverOptions, services.GetRequiredService<TimeProvider>()),
            SlackWebhookProvider.ProviderName,
            CreatePayloadBindings);
    }

    private static WebhookPayloadBinding[] CreatePayloadBindings()
    {
        const string slack = SlackWebhookProvider.ProviderName;
        var context = SlackJsonContext.Default;
        return
        [
            new WebhookPayloadBinding<SlackSlashCommand>(slack, SlackWebhookProvider.SlashCommandEventType, context.SlackSlashCommand),
            .. InteractionTypes.Select(type => new WebhookPayloadBinding<SlackInteraction>(slack, type, context.SlackInteraction)),
            new WebhookPayloadBinding<SlackEventEnvelope>(slack, null, context.SlackEventEnvelope),
        ];
    }
}
