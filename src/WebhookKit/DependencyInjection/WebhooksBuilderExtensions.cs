using Microsoft.Extensions.Configuration;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebhookKit;
using WebhookKit.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Receiving;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds handlers, payload types and custom receivers to WebhookKit.</summary>
public static class WebhooksBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> (scoped) for every <see cref="IWebhookHandler{TPayload}"/> it implements.
    /// </summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="THandler"/> implements no <see cref="IWebhookHandler{TPayload}"/>.</exception>
    public static IWebhooksBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.Interfaces)] THandler>(
        this IWebhooksBuilder builder)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var found = false;
        foreach (var implemented in typeof(THandler).GetInterfaces())
        {
            if (implemented.IsGenericType && implemented.GetGenericTypeDefinition() == typeof(IWebhookHandler<>))
            {
                builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped(implemented, typeof(THandler)));
                builder.Services.AddSingleton(new WebhookHandlerRegistration(typeof(THandler), implemented.GetGenericArguments()[0]));
                found = true;
            }
        }

        if (!found)
        {
            throw new ArgumentException($"'{typeof(THandler).FullName}' does not implement IWebhookHandler<TPayload>.", nameof(THandler));
        }

        return builder;
    }

    /// <summary>
    /// Maps a provider's event type to a payload model of your own, so that <see cref="IWebhookHandler{TPayload}"/>
    /// of that model receive it. Use a source-generated <see cref="JsonTypeInfo{T}"/> (trim and Native AOT safe).
    /// </summary>
    /// <typeparam name="TPayload">The payload model.</typeparam>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="provider">The provider name, for example <c>github</c>.</param>
    /// <param name="eventType">The event type, for example <c>deployment</c>; <see langword="null"/> for every event of the provider.</param>
    /// <param name="jsonTypeInfo">How to deserialize the payload.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddPayloadType<TPayload>(this IWebhooksBuilder builder, string provider, string? eventType, JsonTypeInfo<TPayload> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        builder.Services.AddSingleton<WebhookPayloadBinding>(new WebhookPayloadBinding<TPayload>(provider, eventType, jsonTypeInfo));
        return builder;
    }

    /// <summary>
    /// Adds a receiver served by a provider of your own at <c>/webhooks/{receiverName}</c>, with the transport guards
    /// (<see cref="WebhookTransportOptions"/>) bound from <c>Webhooks:{receiverName}</c>, for example
    /// <c>Webhooks:acme:RequireHttps</c> and <c>Webhooks:acme:AllowedIpRanges:0</c>, validated at startup and reloaded
    /// with the configuration. Register its payload types with <see cref="AddPayloadType"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="providerFactory">Creates the provider once, at startup.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddReceiver(this IWebhooksBuilder builder, string receiverName, Func<IServiceProvider, IWebhookProvider> providerFactory) =>
        AddCustomReceiver(builder, receiverName, providerFactory, null);

    /// <summary>
    /// Adds a receiver served by a provider of your own at <c>/webhooks/{receiverName}</c>, with transport guards bound
    /// from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configureTransport"/>, for example
    /// <c>o =&gt; o.RequireHttps = true</c>. Register its payload types with <see cref="AddPayloadType"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="providerFactory">Creates the provider once, at startup.</param>
    /// <param name="configureTransport">Configures the receiver's transport guards, after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddReceiver(
        this IWebhooksBuilder builder,
        string receiverName,
        Func<IServiceProvider, IWebhookProvider> providerFactory,
        Action<WebhookTransportOptions> configureTransport)
    {
        ArgumentNullException.ThrowIfNull(configureTransport);
        return AddCustomReceiver(builder, receiverName, providerFactory, configureTransport);
    }

    /// <summary>
    /// Registers a built-in provider's receiver: named options bound from <c>Webhooks:{name}</c>, validated at startup,
    /// and rebuilt (validated the same way) whenever they reload.
    /// </summary>
    internal static IWebhooksBuilder AddBuiltInReceiver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IWebhooksBuilder builder,
        string receiverName,
        OptionsBuilder<TOptions> options,
        Action<TOptions>? configure,
        Func<IServiceProvider, TOptions, IWebhookProvider> createProvider,
        string provider,
        Func<WebhookPayloadBinding[]> createPayloadBindings)
        where TOptions : WebhookReceiverOptions
    {
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddSingleton<IValidateOptions<TOptions>>(services =>
            new WebhookReceiverOptionsValidator<TOptions>(receiverName, ConfigurationKey(receiverName), services.GetService<IConfiguration>()));
        options.ValidateOnStart();

        builder.Services.AddSingleton(new WebhookReceiverRegistration(
            receiverName,
            services =>
            {
                var receiverOptions = services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(receiverName);
                return WebhookReceiverRegistry.Build(receiverName, createProvider(services, receiverOptions), receiverOptions);
            },
            (services, _) => WebhookReceiverReloadSource.Create(services, receiverName, ConfigurationKey(receiverName), createProvider)));

        // The built-in payload models are registered once per provider, however many receivers it has.
        if (!builder.Services.Any(descriptor => descriptor.ImplementationInstance is BuiltInPayloads registered && registered.Provider == provider))
        {
            builder.Services.AddSingleton(new BuiltInPayloads(provider));
            foreach (var binding in createPayloadBindings())
            {
                builder.Services.AddSingleton(binding);
            }
        }

        return builder;
    }

    /// <summary>
    /// Registers an <c>AddReceiver</c> receiver: its provider, created once, behind transport guards of named
    /// <see cref="WebhookTransportOptions"/> bound from <c>Webhooks:{name}</c> (the section built-in receivers bind,
    /// whose other keys the binder ignores here), validated at startup and rebuilt around the same provider on reload.
    /// </summary>
    private static IWebhooksBuilder AddCustomReceiver(
        IWebhooksBuilder builder,
        string receiverName,
        Func<IServiceProvider, IWebhookProvider> providerFactory,
        Action<WebhookTransportOptions>? configureTransport)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ValidateReceiverName(receiverName);
        ArgumentNullException.ThrowIfNull(providerFactory);

        var configurationKey = ConfigurationKey(receiverName);
        var transport = builder.Services.AddOptions<WebhookTransportOptions>(receiverName).BindConfiguration(configurationKey);
        if (configureTransport is not null)
        {
            transport.Configure(configureTransport);
        }

        builder.Services.AddSingleton<IValidateOptions<WebhookTransportOptions>>(new WebhookTransportOptionsValidator(receiverName, configurationKey));
        transport.ValidateOnStart();

        builder.Services.AddSingleton(new WebhookReceiverRegistration(
            receiverName,
            services =>
            {
                // The configuration is checked before the application's factory runs.
                var guards = services.GetRequiredService<IOptionsMonitor<WebhookTransportOptions>>().Get(receiverName);
                return WebhookReceiverRegistry.Build(receiverName, providerFactory(services), guards);
            },
            (services, receiver) => WebhookReceiverReloadSource.ForTransport(services, receiverName, configurationKey, receiver.Provider)));
        return builder;
    }

    internal static string ConfigurationKey(string receiverName) => $"{WebhookOptions.SectionName}:{receiverName}";

    internal static void ValidateReceiverName(string receiverName)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiverName);
        foreach (var c in receiverName)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                throw new ArgumentException($"Receiver name '{receiverName}' is not valid: use letters, digits, '-', '_' or '.', since it is a URL path segment and a configuration key.", nameof(receiverName));
            }
        }
    }

    private sealed record BuiltInPayloads(string Provider);
}
