using System.Globalization;
using StackExchange.Redis;
using WebhookKit.Journal;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Reading the shared journal: each stream newest first (<c>XREVRANGE</c>, in pages), at most its cap of entries
/// (<see cref="WebhookJournalOptions.MaxEntries"/>, <see cref="WebhookJournalOptions.MaxRejectedEntries"/>), so a
/// query's work is bounded whatever it filters on. A stream id is <c>{ms written}-{sequence}</c> and both only
/// decrease along the scan, so a query for entries after a sequence (the dashboard's live feed) or from a time stops at
/// the first older one.
/// </summary>
internal sealed partial class RedisWebhookJournal
{
    private const int MaxPage = 1_000;

    private readonly RedisKey _entries;
    private readonly RedisKey _rejected;

    public async ValueTask<IReadOnlyList<WebhookJournalEntry>> QueryAsync(WebhookJournalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var max = Math.Max(0, query.MaxCount);
        var found = new List<WebhookJournalEntry>(Math.Min(max, 256));
        if (max == 0)
        {
            return found;
        }

        var scan = new Scan(query, _timeProvider.GetUtcNow() - _options.MaxAge, max);
        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        await CollectAsync(database, _entries, _options.MaxEntries, scan, found, cancellationToken).ConfigureAwait(false);
        if (query.Kind is null or WebhookJournalEntryKind.Received)
        {
            // Only refused requests are there.
            await CollectAsync(database, _rejected, _options.MaxRejectedEntries, scan, found, cancellationToken).ConfigureAwait(false);
        }

        // Each stream came newest first; merge them by sequence and keep the newest max.
        found.Sort(static (a, b) => b.Sequence.CompareTo(a.Sequence));
        if (found.Count > max)
        {
            found.RemoveRange(max, found.Count - max);
        }

        return found;
    }

    private static async Task CollectAsync(IDatabase database, RedisKey stream, int cap, Scan scan, List<WebhookJournalEntry> found, CancellationToken cancellationToken)
    {
        var (taken, scanned) = (0, 0);
        var page = Math.Min(scan.Max, MaxPage);
        RedisValue end = "+";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            page = Math.Min(page, cap - scanned);
            var entries = await database.StreamRangeAsync(stream, "-", end, page, Order.Descending).ConfigureAwait(false);
            foreach (var item in entries)
            {
                if (!TryParseId(item.Id, out var written, out var sequence))
                {
                    continue;
                }

                // Ids only decrease from here: an entry written before the floor, or numbered before the query's sequence, ends it.
                if (written < scan.FloorMilliseconds || (scan.Query.AfterSequence is { } after && sequence <= after))
                {
                    return;
                }

                var entry = RedisJournalRecord.Read((byte[]?)item["e"], sequence);
                if (entry is not null && entry.Time >= scan.Oldest && scan.Query.Matches(entry))
                {
                    found.Add(entry);
                    if (++taken == scan.Max)
                    {
                        return;
                    }
                }
            }

            scanned += entries.Length;
            if (entries.Length < page || scanned >= cap)
            {
                return;
            }

            end = "(" + entries[^1].Id;
            page = Math.Min(page * 2, MaxPage);
        }
    }

    /// <summary>Reads <c>{ms}-{sequence}</c>.</summary>
    private static bool TryParseId(RedisValue id, out long milliseconds, out long sequence)
    {
        var text = ((string?)id).AsSpan();
        var dash = text.IndexOf('-');
        sequence = 0;
        milliseconds = 0;
        return dash > 0
            && long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds)
            && long.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    /// <summary>
    /// A query and its bounds. An entry's time is never later than the millisecond its id was written at (the writer
    /// stamps a batch after its entries happened), so ids before the floor hold no entry that could match.
    /// </summary>
    private sealed class Scan(WebhookJournalQuery query, DateTimeOffset oldest, int max)
    {
        public WebhookJournalQuery Query { get; } = query;

        public DateTimeOffset Oldest { get; } = oldest;

        public int Max { get; } = max;

        public long FloorMilliseconds { get; } = (query.From is { } from && from > oldest ? from : oldest).ToUnixTimeMilliseconds();
    }
}
