namespace WebhookKit.Receiving;

/// <summary>A receiver added by <c>AddGitHub</c>, <c>AddStripe</c>, <c>AddGitLab</c> or <c>AddReceiver</c>.</summary>
internal sealed record WebhookReceiverRegistration(string Name, Func<IServiceProvider, IWebhookProvider> ProviderFactory);
