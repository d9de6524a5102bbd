using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Receiving;

namespace WebhookKit.Tests.Providers;

/// <summary>
/// A receiver reached the way an application reaches it: registered with the public <c>Add…</c> extension on
/// <c>AddWebhooks()</c>, its options bound and validated, its provider built by the receiver registry, and requests
/// given to it as the receive path gives them (a <see cref="WebhookRequest"/> of an <see cref="HttpRequest"/>).
/// </summary>
internal sealed class ReceiverHarness : IDisposable
{
    private readonly ServiceProvider _services;

    private ReceiverHarness(ServiceProvider services, IWebhookProvider provider)
    {
        _services = services;
        Provider = provider;
    }

    public IWebhookProvider Provider { get; }

    /// <summary>
    /// Registers receivers with <paramref name="configure"/>, at a fixed clock when <paramref name="nowUnixSeconds"/> is
    /// given, and resolves <paramref name="receiverName"/>. The host environment is Development, where a Twilio receiver
    /// may rebuild the signed URL from the request (these tests exercise that path with the vectors' hosts).
    /// </summary>
    public static ReceiverHarness Create(string receiverName, Action<IWebhooksBuilder> configure, long? nowUnixSeconds = null, params (string Key, string Value)[] configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Environment(Environments.Development));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build());
        if (nowUnixSeconds is { } now)
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
        }

        configure(services.AddWebhooks());
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<WebhookReceiverRegistry>().TryGet(receiverName, out var receiver).Should().BeTrue();
            return new ReceiverHarness(provider, receiver!.Provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Builds the registered receivers and returns the startup failure, if any (options validation), with no host environment registered.</summary>
    public static Exception? StartupFailure(Action<IWebhooksBuilder> configure, params (string Key, string Value)[] configuration) =>
        StartupFailureIn(null, configure, configuration);

    /// <summary>As <see cref="StartupFailure"/>, in the host environment <paramref name="environmentName"/> (none when <see langword="null"/>).</summary>
    public static Exception? StartupFailureIn(string? environmentName, Action<IWebhooksBuilder> configure, params (string Key, string Value)[] configuration)
    {
        var services = new ServiceCollection();
        if (environmentName is not null)
        {
            services.AddSingleton<IHostEnvironment>(new Environment(environmentName));
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build());
        configure(services.AddWebhooks());
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<WebhookReceiverRegistry>();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>A request to <paramref name="url"/> with a body and headers, as an HTTP server would present it.</summary>
    public static WebhookRequest Request(byte[] body, string? contentType = "application/json", string url = "https://example.com/webhooks/test", params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        var uri = new Uri(url);
        context.Request.Method = HttpMethods.Post;
        context.Request.Scheme = uri.Scheme;
        context.Request.Host = new HostString(uri.IsDefaultPort && !url.Contains($":{uri.Port}", StringComparison.Ordinal) ? uri.Host : $"{uri.Host}:{uri.Port}");
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        if (contentType is not null)
        {
            context.Request.ContentType = contentType;
        }

        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = Microsoft.Extensions.Primitives.StringValues.Concat(context.Request.Headers[name], value);
        }

        return new WebhookRequest(context.Request, body);
    }

    public WebhookProviderResult Read(WebhookRequest request) => Provider.Read(request);

    public void Dispose() => _services.Dispose();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "WebhookKit.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
