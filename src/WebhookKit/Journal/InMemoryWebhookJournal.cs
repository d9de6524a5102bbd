using Microsoft.Extensions.Options;

namespace WebhookKit.Journal;

/// <summary>
/// The default journal: two rings in memory, one for verified requests and handling, one for refused requests, so
/// that a flood of forged requests can only push out other refused ones. Appending is O(1) under a short lock; entries
/// older than <see cref="WebhookJournalOptions.MaxAge"/> are not returned and are overwritten first.
/// </summary>
internal sealed class InMemoryWebhookJournal(IOptions<WebhookOptions> options, TimeProvider timeProvider) : IWebhookJournal, IWebhookJournalValuesAppender
{
    private readonly WebhookJournalOptions _options = options.Value.Journal;
    private readonly Ring _accepted = new(options.Value.Journal.MaxEntries);
    private readonly Ring _rejected = new(options.Value.Journal.MaxRejectedEntries);
    private long _sequence;

    public long Dropped => 0;

    /// <summary>What the startup report prints.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"in memory ({_options.MaxEntries} entries, {_options.MaxRejectedEntries} refused requests, {_options.MaxAge.TotalHours} h)");

    public void Append(WebhookJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Sequence = Add(entry.Values);
    }

    public void Append(in WebhookJournalEntryValues values) => Add(values);

    private long Add(in WebhookJournalEntryValues values)
    {
        var ring = values.Kind == WebhookJournalEntryKind.Received && values.StatusCode >= 400 ? _rejected : _accepted;
        lock (ring)
        {
            // Numbered under the ring's lock, so each ring holds its entries in sequence order.
            var sequence = Interlocked.Increment(ref _sequence);
            ring.Add(values, sequence);
            return sequence;
        }
    }

    public ValueTask<IReadOnlyList<WebhookJournalEntry>> QueryAsync(WebhookJournalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var oldest = timeProvider.GetUtcNow() - _options.MaxAge;
        var max = Math.Max(0, query.MaxCount);
        var found = new List<WebhookJournalEntry>(Math.Min(max, 256));
        foreach (var ring in new[] { _accepted, _rejected })
        {
            lock (ring)
            {
                ring.CollectNewestFirst(query, oldest, found, max);
            }
        }

        // Both rings are newest first; merge them by sequence and keep the newest max.
        found.Sort(static (a, b) => b.Sequence.CompareTo(a.Sequence));
        if (found.Count > max)
        {
            found.RemoveRange(max, found.Count - max);
        }

        return ValueTask.FromResult<IReadOnlyList<WebhookJournalEntry>>(found);
    }

    /// <summary>
    /// Entries as structs in one array (<see cref="WebhookJournalEntryValues"/>: no object per entry to promote), which
    /// grows by doubling until it holds <c>capacity</c> (a quiet service does not pay for a full ring) and then wraps.
    /// </summary>
    private sealed class Ring(int capacity)
    {
        private WebhookJournalEntryValues[] _entries = new WebhookJournalEntryValues[Math.Min(capacity, 256)];
        private int _next;
        private int _count;

        public void Add(in WebhookJournalEntryValues entry, long sequence)
        {
            if (_count == _entries.Length && _count < capacity)
            {
                // Not wrapped yet, so the entries are in order from index 0 and the next one goes at _count.
                Array.Resize(ref _entries, (int)Math.Min(capacity, 2L * _count));
                _next = _count;
            }

            _entries[_next] = entry;
            _entries[_next].Sequence = sequence;
            _next = (_next + 1) % _entries.Length;
            _count = Math.Min(_count + 1, _entries.Length);
        }

        public void CollectNewestFirst(WebhookJournalQuery query, DateTimeOffset oldest, List<WebhookJournalEntry> into, int max)
        {
            var taken = 0;
            for (var i = 1; i <= _count && taken < max; i++)
            {
                ref readonly var entry = ref _entries[(_next - i + _entries.Length) % _entries.Length];
                if (entry.Time >= oldest && entry.Matches(query))
                {
                    into.Add(WebhookJournalEntry.FromValues(entry));
                    taken++;
                }
            }
        }
    }
}
