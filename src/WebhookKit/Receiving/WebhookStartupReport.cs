using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Internal;
using WebhookKit.Journal;

namespace WebhookKit.Receiving;

/// <summary>
/// Once the application has started (its pipeline and endpoints built), logs what WebhookKit runs with: each receiver
/// (name, provider, path, secret count, guards, body limit), the queue, the idempotency store, the dead letters and
/// the journal; and warns when there are receivers but neither <c>MapWebhooks()</c> nor <c>UseWebhooks()</c> was called,
/// a mistake that otherwise shows only as every provider getting 404. Components describe themselves (their
/// <see cref="object.ToString"/>); nothing here looks at their types.
/// </summary>
internal sealed class WebhookStartupReport(
    WebhookReceiverRegistry receivers,
    WebhookRoutes routes,
    IServiceProvider services,
    IWebhookQueue queue,
    IIdempotencyStore store,
    IDeadLetterStore deadLetters,
    IWebhookJournal journal,
    WebhookJournalRecorder recorder,
    ILogger<WebhookStartupReport> logger,
    IHostApplicationLifetime? lifetime = null) : IHostedService
{
    private CancellationTokenRegistration _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Without a host (hosted services started by hand) nothing is served, so there is nothing to report.
        if (lifetime is not null)
        {
            _started = lifetime.ApplicationStarted.Register(static state => ((WebhookStartupReport)state!).TryReport(), this);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _started.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A report that fails (a custom component's <c>ToString</c> throwing) must never fail the application's start.</summary>
    private void TryReport()
    {
        try
        {
            Report();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.StartupReportFailed(logger, exception);
        }
    }

    internal void Report()
    {
        if (receivers.Count == 0)
        {
            return; // The dispatcher already warned (event 28).
        }

        if (routes.Count == 0)
        {
            Log.NotRouted(logger, receivers.Count);
        }

        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var processor = services.GetRequiredService<WebhookRequestProcessor>();
        var endpoints = BuiltEndpoints();
        Log.Components(logger, receivers.Count, queue.ToString() ?? "-", store.ToString() ?? "-", deadLetters.ToString() ?? "-", recorder.Enabled ? journal.ToString() ?? "-" : "off");
        foreach (var receiver in receivers.All)
        {
            Log.Receiver(logger, receiver.Name, receiver.Provider.Name, routes.PathsOf(receiver.Name, endpoints), Secrets(receiver), Guards(receiver), processor.BodyLimit(receiver));
        }
    }

    /// <summary>
    /// The app's endpoints, which reading builds as the first request would: a route group's prefix is only part of a
    /// pattern once they are built. An app whose endpoints fail to build hears it from that request; the report goes on.
    /// </summary>
    private IReadOnlyList<Endpoint> BuiltEndpoints()
    {
        try
        {
            return services.GetService<EndpointDataSource>()?.Endpoints ?? [];
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return [];
        }
    }

    private static string Secrets(WebhookReceiver receiver) =>
        receiver.SecretCount is { } count ? count.ToString(CultureInfo.InvariantCulture) : "its own";

    private static string Guards(WebhookReceiver receiver)
    {
        var guards = new List<string>(3);
        if (receiver.Guard is { RequireHttps: true })
        {
            guards.Add("HTTPS only");
        }

        if (receiver.Guard is { HasAllowList: true })
        {
            guards.Add("IP allow-list");
        }

        if (!receiver.Precheck.IsEmpty)
        {
            guards.Add("signature headers checked before the body");
        }

        return guards.Count == 0 ? "none" : string.Join(", ", guards);
    }
}
