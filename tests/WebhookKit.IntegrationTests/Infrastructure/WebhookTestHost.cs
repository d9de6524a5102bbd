using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WebhookKit;

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

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<WebhookTestHost> StartAsync(
        Action<IWebhooksBuilder> configureWebhooks,
        Action<IServiceCollection>? configureServices = null,
        Action<WebApplication>? configureApp = null,
        TimeSpan? shutdownTimeout = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging();
        if (shutdownTimeout is { } timeout)
        {
            builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = timeout);
        }

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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Records what handlers saw, shared between the test and the handlers it registers.</summary>
public sealed class HandlerProbe
{
    private readonly ConcurrentQueue<(string Handler, string EventId, int Attempt)> _calls = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();

    public IReadOnlyCollection<(string Handler, string EventId, int Attempt)> Calls => _calls;

    public void Record(string handler, string eventId, int attempt)
    {
        _calls.Enqueue((handler, eventId, attempt));
        _waiters.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public Task WaitForAsync(string eventId, TimeSpan? timeout = null) =>
        _waiters.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
}
