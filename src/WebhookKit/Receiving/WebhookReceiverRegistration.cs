namespace WebhookKit.Receiving;

/// <summary>
/// A receiver added by <c>AddGitHub</c>, <c>AddStripe</c>, <c>AddHmac</c>, … or <c>AddReceiver</c>: how to build it at
/// startup (provider, transport guards, settings; <see cref="WebhookReceiverRegistry.Build(string, IWebhookProvider, WebhookTransportOptions, bool)"/>)
/// and, from the receiver built, the <see cref="ReloadSource"/> that rebuilds it when its options reload. A built-in
/// receiver rebuilds all of it (secrets above all); an <c>AddReceiver</c> one keeps its provider and rebuilds its guard.
/// </summary>
internal sealed record WebhookReceiverRegistration(
    string Name,
    Func<IServiceProvider, WebhookReceiver> Create,
    Func<IServiceProvider, WebhookReceiver, WebhookReceiverReloadSource>? ReloadSource = null);
