using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace WebhookKit.Sample.Demo;

/// <summary>
/// <c>--demo</c>: starts the app on a free loopback port, sends it real signed deliveries over HTTP,
/// waits (bounded) for the handlers, stops the app and prints what happened. Exit code 0 when every row matched.
/// </summary>
public static class DemoRunner
{
    public const string Switch = "--demo";

    /// <summary>With <c>--demo</c>: keep the app running after the table, so a person can look at the dashboard.</summary>
    public const string KeepSwitch = "--keep";

    private static readonly TimeSpan HandlingTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] Header = ["request", "status", "expected", "handled by"];

    /// <summary>Binds a free loopback port and keeps framework and library logs to warnings, so the table stays readable.</summary>
    /// <summary>The demo's own secrets, in the repository and so for the demo only; nothing else reads this file.</summary>
    public const string SecretsFile = "appsettings.Demo.json";

    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("System", LogLevel.Warning)
            .AddFilter("WebhookKit", LogLevel.Warning)
            .AddFilter("WebhookKit.Sample", LogLevel.Information);
    }

    public static async Task<int> RunAsync(WebApplication app, bool keep = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ledger = app.Services.GetRequiredService<DemoLedger>();
        var timeProvider = app.Services.GetRequiredService<TimeProvider>();
        var cases = DemoCases.Create(app.Configuration, timeProvider);
        var statuses = new int?[cases.Count];
        var dashboardServed = false;

        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            Console.Out.WriteLine($"WebhookKit sample listening on {address}; sending {cases.Count} requests to itself.");
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = HandlingTimeout };
            for (var i = 0; i < cases.Count; i++)
            {
                statuses[i] = await SendAsync(client, cases[i]);
            }

            await WaitForHandlersAsync(ledger, cases, timeProvider);
            dashboardServed = await CheckDashboardAsync(client);
            Console.Out.WriteLine($"Dashboard: {address}/webhooks/dashboard/ ({(dashboardServed ? "served" : "NOT served")}).");
            if (keep)
            {
                var kept = PrintTable(cases, statuses, ledger);
                Console.Out.WriteLine("--keep: the app keeps running for the dashboard; Ctrl+C stops it.");
                await app.WaitForShutdownAsync();
                return kept && dashboardServed ? 0 : 1;
            }
        }
        finally
        {
            // Stopping drains the queue, so nothing is still being handled when the table is made;
            // disposing flushes the console logger, so its lines come before the table, not inside it.
            await app.StopAsync();
            await app.DisposeAsync();
        }

        return PrintTable(cases, statuses, ledger) && dashboardServed ? 0 : 1;
    }

    /// <summary>The dashboard's page and its dead-letter API answer (in Development, where the demo runs, without a policy).</summary>
    private static async Task<bool> CheckDashboardAsync(HttpClient client)
    {
        try
        {
            using var page = await client.GetAsync("/webhooks/dashboard/");
            using var deadLetters = await client.GetAsync("/webhooks/dashboard/api/dead-letters");
            return page.IsSuccessStatusCode && deadLetters.IsSuccessStatusCode
                && (await deadLetters.Content.ReadAsStringAsync()).StartsWith('[');
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine($"dashboard: {exception.Message}");
            return false;
        }
    }

    private static async Task<int?> SendAsync(HttpClient client, DemoCase demoCase)
    {
        using var request = demoCase.CreateRequest();
        try
        {
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{demoCase.Name}: {exception.Message}");
            return null;
        }
    }

    /// <summary>Polls the ledger until every expected handling is there, for at most <see cref="HandlingTimeout"/>.</summary>
    private static async Task WaitForHandlersAsync(DemoLedger ledger, IReadOnlyList<DemoCase> cases, TimeProvider timeProvider)
    {
        var started = timeProvider.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20), timeProvider);
        while (!cases.All(c => c.EventId is null || ledger.HandledBy(c.ReceiverName, c.EventId).Count >= c.ExpectedHandlers.Count)
            && timeProvider.GetElapsedTime(started) < HandlingTimeout)
        {
            await timer.WaitForNextTickAsync();
        }
    }

    private static bool PrintTable(IReadOnlyList<DemoCase> cases, int?[] statuses, DemoLedger ledger)
    {
        var rows = new List<string[]> { Header };
        var matched = new List<bool> { true };
        for (var i = 0; i < cases.Count; i++)
        {
            var demoCase = cases[i];
            var handledBy = demoCase.EventId is null ? [] : ledger.HandledBy(demoCase.ReceiverName, demoCase.EventId);
            matched.Add(statuses[i] == demoCase.ExpectedStatus
                && handledBy.Order(StringComparer.Ordinal).SequenceEqual(demoCase.ExpectedHandlers.Order(StringComparer.Ordinal), StringComparer.Ordinal));
            rows.Add(
            [
                demoCase.Name,
                statuses[i]?.ToString(CultureInfo.InvariantCulture) ?? "error",
                demoCase.ExpectedStatus.ToString(CultureInfo.InvariantCulture) + ", " + (demoCase.ExpectedHandlers.Count == 0 ? "not handled" : Describe(demoCase.ExpectedHandlers)),
                handledBy.Count == 0 ? "-" : Describe(handledBy),
            ]);
        }

        var widths = Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var output = Console.Out;
        output.WriteLine();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = string.Join(" | ", rows[i].Select((cell, column) => column == 3 ? cell : cell.PadRight(widths[column])));
            output.WriteLine(matched[i] ? line : line + "   <-- MISMATCH");
            if (i == 0)
            {
                output.WriteLine(string.Join("-+-", widths.Select(width => new string('-', width))));
            }
        }

        var failures = matched.Count(ok => !ok);
        output.WriteLine();
        output.WriteLine("handled by: the handlers that ran for the request's event id (a duplicate must not make them run again).");
        output.WriteLine(failures == 0
            ? $"All {cases.Count} requests behaved as expected."
            : $"{failures} of {cases.Count} requests did not behave as expected.");
        return failures == 0;
    }

    // "GitHubPushHandler", or "GitHubPushHandler x2" when it ran twice for the same event.
    private static string Describe(IEnumerable<string> handlers) =>
        string.Join(", ", handlers.GroupBy(handler => handler, StringComparer.Ordinal)
            .Select(group => group.Count() == 1 ? group.Key : string.Create(CultureInfo.InvariantCulture, $"{group.Key} x{group.Count()}")));
}
