using System.Diagnostics;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Redis.TestHost;

namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>
/// One receiver instance: in this process (its own host and Kestrel on 127.0.0.1:0), or a separate
/// <c>dotnet WebhookKit.Redis.TestHost.dll</c> process that a test can kill.
/// </summary>
public sealed class WebhookInstance : IAsyncDisposable
{
    private readonly WebApplication? _app;
    private readonly Process? _process;

    private WebhookInstance(WebApplication? app, Process? process, Uri address)
    {
        _app = app;
        _process = process;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("An out-of-process instance has no services here.");

    public static async Task<WebhookInstance> StartAsync(RedisTestAppOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var app = RedisTestApp.Build(options, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookInstance(app, null, new Uri(address));
    }

    public static async Task<WebhookInstance> StartProcessAsync(string redis, string prefix, TimeSpan handlerDelay, TimeSpan visibilityTimeout, int partitions = 1)
    {
        var path = typeof(WebhookInstance).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestHostPath").Value!;
        File.Exists(path).Should().BeTrue($"the test host is built to {path}");
        // The same dotnet that runs the tests (the SDK sets DOTNET_HOST_PATH for test hosts), else the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            path, "--redis", redis, "--prefix", prefix,
            "--handler-delay-ms", ((int)handlerDelay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--visibility-ms", ((int)visibilityTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--partitions", partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("LISTENING ", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult(e.Data["LISTENING ".Length..]);
            }
        };
        process.ErrorDataReceived += static (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The test host exited with {process.ExitCode} before listening."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new WebhookInstance(null, process, new Uri(address));
    }

    /// <summary>Kills the separate process at once (SIGKILL): no drain, no acknowledgement.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async Task<HttpStatusCode> SendAsync(string eventId)
    {
        using var response = await Client.SendAsync(RedisTestApp.Delivery(eventId));
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_process is not null)
        {
            await KillAsync();
            _process.Dispose();
        }
    }
}
