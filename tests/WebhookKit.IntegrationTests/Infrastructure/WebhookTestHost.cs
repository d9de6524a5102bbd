using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an ephemeral port, WebhookKit mapped at /webhooks/{receiver},
/// and every log line captured so tests can assert on levels and check that no secret leaks.
/// </summary>
public sealed class WebhookTestHost : IAsyncDisposable
{
    private WebhookTestHost(WebApplication app, HttpClient client, FakeLogCollector logs)
    {
        App = app;
        Client = client;
        Logs = logs;
    }

    /// <summary>The host shutdown timeout unless a test sets its own.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(10);

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<WebhookTestHost> StartAsync(
        Action<IWebhooksBuilder> configureWebhooks,
        Action<IServiceCollection>? configureServices = null,
        Action<WebApplication>? configureApp = null,
        TimeSpan? shutdownTimeout = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        string? environmentName = null)
    {
        var builder = CreateBuilder(environmentName);

        // Short enough that a test which forgets to release a blocked handler fails fast instead of hanging.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? DefaultShutdownTimeout);

        configureBuilder?.Invoke(builder);
        configureWebhooks(builder.Services.AddWebhooks());
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        if (configureApp is null)
        {
            app.MapWebhooks();
        }
        else
        {
            configureApp(app);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        return new WebhookTestHost(app, client, app.Services.GetRequiredService<FakeLogCollector>());
    }

    /// <summary>
    /// The builder every test host starts from: Kestrel on 127.0.0.1 with an ephemeral port and fake logging.
    /// Tests that expect startup to fail use it directly, so they can dispose what was built. The environment is
    /// Production unless <paramref name="environmentName"/> says otherwise (it cannot change after the builder exists).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string? environmentName = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environmentName ?? Environments.Production });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging();
        return builder;
    }

    /// <summary>Resolves a service from the running application.</summary>
    public T GetRequiredService<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
