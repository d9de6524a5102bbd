using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dashboard.Tests.Infrastructure;
using WebhookKit.Journal;

namespace WebhookKit.Dashboard.Tests;

/// <summary>
/// <c>api/stream</c> over HTTP: every new request is an event at once, but the counters, which read the whole journal
/// window (from Redis, with a shared journal), come at most every 5 seconds, the first change at once and the last one
/// even when nothing newer follows; and the instance reads the window once for all its open pages, not once per page.
/// </summary>
public sealed class DashboardStreamTests
{
    [Fact]
    public async Task Stream_ABurstOfDeliveries_EachIsAnEventButTheCountersAreThrottled()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync();
        var clock = Stopwatch.StartNew();
        using var page = await OpenStreamAsync(host, clock);

        // Act: four deliveries, 0.8 s apart, all within one counters interval after the first.
        await PostBurstAsync(host, "stream");
        var seen = await page.EventsAsync();

        // Assert: four rows; the counters at once, then once more after the interval (not once per row).
        seen.Count(e => e.Name == "delivery").Should().Be(4);
        var counters = seen.Where(e => e.Name == "counters").Select(e => e.At).ToList();
        counters.Should().HaveCount(2, "the first change is sent at once and the rest in one update 5 s later");
        (counters[1] - counters[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4.9));
    }

    [Fact]
    public async Task Stream_ThreePagesOpen_TheWindowIsReadForAllOfThemTogether()
    {
        // Arrange: a journal that counts the reads of its whole window (what the counters cost).
        var counting = (CountingJournal?)null;
        await using var host = await DashboardHost.StartAsync(webhooks: builder =>
        {
            var original = builder.Services.Last(descriptor => descriptor.ServiceType == typeof(IWebhookJournal));
            builder.Services.Remove(original);
            builder.Services.AddSingleton<IWebhookJournal>(services =>
                counting = new CountingJournal((IWebhookJournal)ActivatorUtilities.CreateInstance(services, original.ImplementationType!)));
        });
        var clock = Stopwatch.StartNew();
        using var first = await OpenStreamAsync(host, clock);
        using var second = await OpenStreamAsync(host, clock);
        using var third = await OpenStreamAsync(host, clock);

        // Act
        await PostBurstAsync(host, "pages");
        var pages = new[] { await first.EventsAsync(), await second.EventsAsync(), await third.EventsAsync() };

        // Assert: every page has every row and up-to-date counters in the end, from two readings in all (at once and
        // 5 s later), where a reading per page made six.
        foreach (var seen in pages)
        {
            seen.Count(e => e.Name == "delivery").Should().Be(4);
            seen.Where(e => e.Name == "counters").Should().HaveCount(2);
            seen.Last(e => e.Name == "counters").Data.Should().Contain("\"deliveries\":4", "the last counters cover every row the page showed");
        }

        counting!.WindowReads.Should().Be(2);
    }

    private static async Task PostBurstAsync(DashboardHost host, string prefix)
    {
        for (var i = 0; i < 4; i++)
        {
            // Each to its own branch: the same body again would be a replay, not a delivery.
            using var posted = await host.PostPushAsync($"{prefix}-{i}", $"refs/heads/{prefix}-{i}");
            await Task.Delay(TimeSpan.FromMilliseconds(800));
        }
    }

    private static async Task<OpenStream> OpenStreamAsync(DashboardHost host, Stopwatch clock)
    {
        var response = await host.Client.GetAsync(host.DashboardUrl + "api/stream", HttpCompletionOption.ResponseHeadersRead);
        return new OpenStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()), clock);
    }

    /// <summary>One page's stream, read for 9 seconds from when it opened: each event's name, time and data.</summary>
    private sealed class OpenStream : IDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;
        private readonly CancellationTokenSource _window = new(TimeSpan.FromSeconds(9));
        private readonly Task<List<(string Name, TimeSpan At, string Data)>> _reading;

        public OpenStream(HttpResponseMessage response, StreamReader reader, Stopwatch clock)
        {
            _response = response;
            _reader = reader;
            _reading = Task.Run(() => ReadAsync(clock));
        }

        public Task<List<(string Name, TimeSpan At, string Data)>> EventsAsync() => _reading;

        public void Dispose()
        {
            _window.Dispose();
            _reader.Dispose();
            _response.Dispose();
        }

        private async Task<List<(string Name, TimeSpan At, string Data)>> ReadAsync(Stopwatch clock)
        {
            var events = new List<(string Name, TimeSpan At, string Data)>();
            (string Name, TimeSpan At)? current = null;
            try
            {
                while (await _reader.ReadLineAsync(_window.Token) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        current = (line["event: ".Length..], clock.Elapsed);
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && current is { } named)
                    {
                        events.Add((named.Name, named.At, line["data: ".Length..]));
                        current = null;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test's window is over.
            }

            return events;
        }
    }

    private sealed class CountingJournal(IWebhookJournal inner) : IWebhookJournal
    {
        private int _windowReads;

        public int WindowReads => Volatile.Read(ref _windowReads);

        public long Dropped => inner.Dropped;

        public void Append(WebhookJournalEntry entry) => inner.Append(entry);

        public ValueTask<IReadOnlyList<WebhookJournalEntry>> QueryAsync(WebhookJournalQuery query, CancellationToken cancellationToken)
        {
            if (query is { AfterSequence: null, MaxCount: >= 100_000 })
            {
                Interlocked.Increment(ref _windowReads);
            }

            return inner.QueryAsync(query, cancellationToken);
        }
    }
}
