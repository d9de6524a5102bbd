using System.Text.Json;

namespace WebhookKit.Dashboard.Internal;

/// <summary>
/// The counters the open pages' streams send (<see cref="JournalStream"/>). A reading takes the journal's whole window
/// (with a shared journal, up to about 11,000 entries from Redis) and the dead letters, so the instance reads them at
/// most once per <see cref="Interval"/> however many pages are open: a page is given the latest reading while it is
/// younger than that, and a new one only once it is older and does not cover the rows the page has shown. The pages'
/// intervals all run from the shared reading's time, so their next readings fall together too.
/// </summary>
internal sealed class DashboardCounters(JournalEndpoints overview, TimeProvider timeProvider)
{
    /// <summary>The least time between two readings of the window.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();

    // The reading being taken, or once it completed, the latest one: the only state, so nothing can disagree with it.
    private Task<Reading>? _reading;

    /// <summary>Gets whether <paramref name="reading"/> was taken at least <see cref="Interval"/> ago.</summary>
    public bool IsDue(Reading reading) => timeProvider.GetElapsedTime(reading.At) >= Interval;

    /// <summary>
    /// The latest reading when it covers <paramref name="sequence"/> (the last row a page has shown) or is younger than
    /// <see cref="Interval"/>; otherwise a new one. One reading at a time: pages that ask meanwhile wait for it. It is
    /// not cancelled with the page that started it, since the others want it too.
    /// </summary>
    public async ValueTask<Reading> ReadAsync(long sequence, CancellationToken cancellationToken)
    {
        Task<Reading> reading;
        lock (_gate)
        {
            if (_reading is { IsCompletedSuccessfully: true } done && Reusable(done.Result, sequence))
            {
                return done.Result;
            }

            // Started on the thread pool: a journal that answers synchronously must not read the window under the lock.
            if (_reading is not { IsCompleted: false })
            {
                _reading = Task.Run(ReadWindowAsync, CancellationToken.None);
            }

            reading = _reading;
        }

        // A reading is younger than the interval when it completes, so whoever waited for it can use it.
        return await reading.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reading> ReadWindowAsync()
    {
        var (counters, covers) = await overview.ReadOverviewAsync(CancellationToken.None).ConfigureAwait(false);
        return new Reading(JsonSerializer.Serialize(counters, DashboardJsonContext.Default.Overview), covers, timeProvider.GetTimestamp());
    }

    private bool Reusable(Reading reading, long sequence) => reading.Covers >= sequence || !IsDue(reading);

    /// <summary>One reading: the counters as the page's JSON, the journal's last sequence in them, and when it was taken.</summary>
    internal sealed record Reading(string Json, long Covers, long At);
}
