using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WebhookKit.Journal;

namespace WebhookKit.Dashboard.Internal;

/// <summary>
/// <c>GET api/stream</c>: Server-Sent Events. Each new request in the journal is an event <c>delivery</c> whose id is
/// its sequence, so that <c>EventSource</c> reconnects with <c>Last-Event-ID</c> and the stream resumes after it; the
/// counters follow as an event <c>counters</c> whenever something changed. The journal is read every half second (on
/// the server: the page never polls), which is how entries from other instances arrive when the journal is shared.
/// The counters read the whole window, so they are one reading shared by every open page (<see cref="DashboardCounters"/>),
/// taken at most every 5 seconds for the instance: a page's first change is sent at once (the latest reading, or a
/// new one when none is that recent), later ones when the reading it sent is 5 seconds old.
/// </summary>
internal sealed class JournalStream(IWebhookJournal journal, DashboardCounters counters, TimeProvider timeProvider)
{
    private static readonly TimeSpan ReadInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public async Task Stream(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var last = LastEventId(context) ?? await LatestSequenceAsync(cancellationToken).ConfigureAwait(false);

        // The reconnect delay EventSource waits, then a first comment so the browser sees the stream open.
        await Write(context, "retry: 2000\n: connected\n\n", cancellationToken).ConfigureAwait(false);
        var quietSince = timeProvider.GetTimestamp();
        DashboardCounters.Reading? countersSent = null;
        var countersChanged = false;
        using var timer = new PeriodicTimer(ReadInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var fresh = await journal.QueryAsync(new WebhookJournalQuery { AfterSequence = last, MaxCount = 500 }, cancellationToken).ConfigureAwait(false);
                foreach (var entry in fresh.OrderBy(e => e.Sequence))
                {
                    last = Math.Max(last, entry.Sequence);
                    if (entry.Kind == WebhookJournalEntryKind.Received)
                    {
                        var data = JsonSerializer.Serialize(JournalEndpoints.ToRow(entry), DashboardJsonContext.Default.DeliveryRow);
                        await Write(context, $"id: {entry.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: delivery\ndata: {data}\n\n", cancellationToken).ConfigureAwait(false);
                    }
                }

                // After the rows, with the last row's id: a reconnect resumes after what was really sent. A change
                // that comes within the interval is sent when it ends, even if nothing newer arrives. The interval
                // runs from when the reading was taken: a slow read of the window (a cold start, a busy Redis) does
                // not bring the next one closer.
                countersChanged |= fresh.Count > 0;
                if (countersChanged && (countersSent is null || counters.IsDue(countersSent)))
                {
                    var reading = await counters.ReadAsync(last, cancellationToken).ConfigureAwait(false);
                    if (!ReferenceEquals(reading, countersSent))
                    {
                        await Write(context, $"id: {last.ToString(CultureInfo.InvariantCulture)}\nevent: counters\ndata: {reading.Json}\n\n", cancellationToken).ConfigureAwait(false);
                        countersSent = reading;
                        quietSince = timeProvider.GetTimestamp();
                    }

                    // Another page's recent reading may not have the rows this page has shown: they come with the next.
                    countersChanged = reading.Covers < last;
                }

                if (fresh.Count > 0)
                {
                    quietSince = timeProvider.GetTimestamp();
                }
                else if (timeProvider.GetElapsedTime(quietSince) >= KeepAlive)
                {
                    await Write(context, ": keep-alive\n\n", cancellationToken).ConfigureAwait(false);
                    quietSince = timeProvider.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away or the app is stopping: the stream simply ends.
        }
    }

    private async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        var latest = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = 1 }, cancellationToken).ConfigureAwait(false);
        return latest.Count > 0 ? latest[0].Sequence : 0;
    }

    private static long? LastEventId(HttpContext context) =>
        long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task Write(HttpContext context, string text, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
