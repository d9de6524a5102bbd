namespace WebhookKit.Receiving;

/// <summary>
/// A receiver added by <c>AddGitHub</c>, <c>AddStripe</c>, <c>AddGitLab</c> or <c>AddReceiver</c>. Built-in receivers
/// also give their options, whose transport guards (HTTPS, IP allow-list) the receive path enforces, and a
/// <see cref="ReloadSource"/>, so that their options (secrets above all) take effect when configuration reloads.
/// </summary>
internal sealed record WebhookReceiverRegistration(
    string Name,
    Func<IServiceProvider, IWebhookProvider> ProviderFactory,
    Func<IServiceProvider, WebhookReceiverOptions>? OptionsFactory = null,
    Func<IServiceProvider, WebhookReceiverReloadSource>? ReloadSource = null);
