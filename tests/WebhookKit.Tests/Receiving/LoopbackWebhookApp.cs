using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookKit.Tests.Receiving;

/// <summary>
/// A real Kestrel host on a free loopback port with <c>MapWebhooks()</c>, and a client for it: for the tests that need
/// the receive path as requests reach it (its buffers, the strings Kestrel makes), not an in-memory test server.
/// </summary>
internal sealed class LoopbackWebhookApp : IAsyncDisposable
{
    private LoopbackWebhookApp(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Starts a host whose services <paramref name="configure"/> registers (<c>AddWebhooks()</c> and the rest).</summary>
    public static async Task<LoopbackWebhookApp> StartAsync(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configure(builder.Services);
        var app = builder.Build();
        app.MapWebhooks();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackWebhookApp(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>Stops the host: the dispatcher drains what was queued.</summary>
    public Task StopAsync() => App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
