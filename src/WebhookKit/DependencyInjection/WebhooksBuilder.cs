using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.DependencyInjection;

internal sealed class WebhooksBuilder(IServiceCollection services) : IWebhooksBuilder
{
    public IServiceCollection Services { get; } = services;
}
