using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit;

/// <summary>
/// Configures WebhookKit: receivers (<c>AddGitHub</c>, <c>AddStripe</c>, <c>AddGitLab</c>), handlers
/// (<c>AddHandler</c>) and backends. Returned by <c>AddWebhooks()</c>; further configuration is extension methods.
/// </summary>
public interface IWebhooksBuilder
{
    /// <summary>Gets the service collection WebhookKit registers into.</summary>
    IServiceCollection Services { get; }
}
