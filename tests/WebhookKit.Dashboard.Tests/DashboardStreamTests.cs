using System.Diagnostics;
using WebhookKit.Dashboard.Tests.Infrastructure;

namespace WebhookKit.Dashboard.Tests;

/// <summary>
/// <c>api/stream</c> over HTTP: every new request is an event at once, but the counters, which read the whole journal
/// window (from Redis, with a shared journal), come at most every 5 seconds per open page, the first change at once
/// and the last one even when nothing newer follows.
/// </summary>
public sealed class DashboardStreamTests
{
    [Fact]
    public async Task Stream_ABurstOfDeliveries_EachIsAnEventButTheCountersAreThrottled()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync();
        using var response = await host.Client.GetAsync(host.DashboardUrl + "api/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<(string Name, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(9));
        var readTask = Task.Run(async () =>
        {
            try
            {
                while (await reader.ReadLineAsync(reading.Token) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        lock (events)
                        {
                            events.Add((line["event: ".Length..], clock.Elapsed));
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test's window is over.
            }
        });

        // Act: four deliveries, 0.8 s apart, all within one counters interval after the first.
        for (var i = 0; i < 4; i++)
        {
            using var posted = await host.PostPushAsync($"stream-{i}");
            await Task.Delay(TimeSpan.FromMilliseconds(800));
        }

        await readTask;

        // Assert: four rows; the counters at once, then once more after the interval (not once per row).
        var seen = events.ToList();
        seen.Count(e => e.Name == "delivery").Should().Be(4);
        var counters = seen.Where(e => e.Name == "counters").Select(e => e.At).ToList();
        counters.Should().HaveCount(2, "the first change is sent at once and the rest in one update 5 s later");
        (counters[1] - counters[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4.9));
    }
}
