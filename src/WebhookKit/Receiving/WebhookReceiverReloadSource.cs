using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace WebhookKit.Receiving;

/// <summary>
/// How a receiver is rebuilt when its named options change: the change tokens of its options and a function that
/// builds a new receiver from fresh, validated options. A built-in receiver gets a new provider and guard; an
/// <c>AddReceiver</c> one keeps the provider built at startup and gets a new guard of its <see cref="WebhookTransportOptions"/>.
/// </summary>
/// <remarks>
/// <see cref="IOptionsMonitor{TOptions}.OnChange"/> is not enough here: when a reload fails validation the monitor throws
/// from its own change callback and never calls its listeners, so an invalid reload would go unnoticed. The registry
/// therefore listens to the same <see cref="IOptionsChangeTokenSource{TOptions}"/>s the monitor does and builds through
/// <see cref="IOptionsFactory{TOptions}"/>, the same configure-and-validate pipeline as <c>IOptionsMonitor.Get</c> at
/// startup, so a reload is validated exactly like the first build (SECURITY.md, "Rotating a secret").
/// </remarks>
internal sealed class WebhookReceiverReloadSource(
    string configurationKey,
    IReadOnlyList<Func<IChangeToken?>> changeTokens,
    Func<WebhookReceiver> build)
{
    /// <summary>The receiver's configuration section, for example <c>Webhooks:github</c>.</summary>
    public string ConfigurationKey { get; } = configurationKey;

    /// <summary>The change tokens of the receiver's named options (one per <see cref="IOptionsChangeTokenSource{TOptions}"/>).</summary>
    public IReadOnlyList<Func<IChangeToken?>> ChangeTokens { get; } = changeTokens;

    /// <summary>Builds the receiver from fresh options; throws <see cref="OptionsValidationException"/> when they are not valid.</summary>
    public WebhookReceiver Build() => build();

    /// <summary>The reload source of a built-in receiver's named options.</summary>
    public static WebhookReceiverReloadSource Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceProvider services,
        string receiverName,
        string configurationKey,
        Func<IServiceProvider, TOptions, IWebhookProvider> createProvider)
        where TOptions : WebhookReceiverOptions
    {
        var factory = services.GetRequiredService<IOptionsFactory<TOptions>>();
        return new WebhookReceiverReloadSource(
            configurationKey,
            ChangeTokensOf<TOptions>(services, receiverName),
            () =>
            {
                var options = factory.Create(receiverName);
                return WebhookReceiverRegistry.Build(receiverName, createProvider(services, options), options);
            });
    }

    /// <summary>The reload source of an <c>AddReceiver</c> receiver's transport guards, around the provider built at startup.</summary>
    public static WebhookReceiverReloadSource ForTransport(IServiceProvider services, string receiverName, string configurationKey, IWebhookProvider provider)
    {
        var factory = services.GetRequiredService<IOptionsFactory<WebhookTransportOptions>>();
        return new WebhookReceiverReloadSource(
            configurationKey,
            ChangeTokensOf<WebhookTransportOptions>(services, receiverName),
            () => WebhookReceiverRegistry.Build(receiverName, provider, factory.Create(receiverName)));
    }

    private static List<Func<IChangeToken?>> ChangeTokensOf<TOptions>(IServiceProvider services, string receiverName)
    {
        var tokens = new List<Func<IChangeToken?>>();
        foreach (var source in services.GetServices<IOptionsChangeTokenSource<TOptions>>())
        {
            // OptionsMonitor reads a source without a name as the default name; options names are case-sensitive.
            if (string.Equals(source.Name ?? Options.DefaultName, receiverName, StringComparison.Ordinal))
            {
                tokens.Add(source.GetChangeToken);
            }
        }

        return tokens;
    }
}
