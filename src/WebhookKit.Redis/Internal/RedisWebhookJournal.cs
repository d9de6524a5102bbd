using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebhookKit.Journal;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// The delivery journal shared by every instance (<see cref="RedisWebhookOptions.SharedJournal"/>). <see cref="Append"/>
/// puts the entry into a bounded buffer and returns; one background writer sends what has arrived in batches, one
/// script run each (<see cref="RedisScripts.AppendJournal"/>), which numbers them. What does not fit, or fails to be
/// written, is dropped and counted, never retried or waited for: the journal must not slow or fail a delivery. Until
/// an entry is written it is not returned by queries, on this instance either (a few milliseconds). Reading:
/// <c>RedisWebhookJournal.Query.cs</c>.
/// </summary>
internal sealed partial class RedisWebhookJournal : IWebhookJournal, IAsyncDisposable, IDisposable
{
    /// <summary>Entries waiting for the writer; at a few hundred bytes each, about a megabyte.</summary>
    internal const int BufferCapacity = 4_096;

    private const int MaxBatch = 256;

    /// <summary>After a failed write the writer waits: an outage costs a few failed commands a second, not one per batch.</summary>
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    private readonly RedisConnection _connection;
    private readonly WebhookJournalOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RedisWebhookJournal> _logger;
    private readonly RedisKey[] _keys;
    private readonly Channel<WebhookJournalEntry> _buffer = Channel.CreateBounded<WebhookJournalEntry>(
        new BoundedChannelOptions(BufferCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startGate = new();
    private readonly LossReport _full;
    private readonly LossReport _failed;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _writer;
    private long _dropped;
    private long _buffered;
    private long _settled;
    private int _disposed;

    public RedisWebhookJournal(RedisConnection connection, RedisKeyLayout layout, IOptions<WebhookOptions> options, TimeProvider timeProvider, ILogger<RedisWebhookJournal> logger)
    {
        _connection = connection;
        _options = options.Value.Journal;
        _timeProvider = timeProvider;
        _logger = logger;
        _keys = [layout.JournalClock, layout.JournalEntries, layout.JournalRejected];
        _entries = layout.JournalEntries;
        _rejected = layout.JournalRejected;
        _full = new LossReport(timeProvider);
        _failed = new LossReport(timeProvider);
    }

    /// <summary>Gets how many entries this instance dropped: its buffer was full, Redis failed, or it was stopped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>What the startup report prints.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Redis, shared by every instance ({_options.MaxEntries} entries, {_options.MaxRejectedEntries} refused requests, {_options.MaxAge.TotalHours} h)");

    public void Append(WebhookJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // Counted first, so the writer never settles more than was buffered.
        Interlocked.Increment(ref _buffered);
        if (!_buffer.Writer.TryWrite(entry))
        {
            Interlocked.Decrement(ref _buffered);
            Drop(_full, 1, exception: null);
            return;
        }

        EnsureStarted();
    }

    /// <summary>Waits until every entry appended so far is written or dropped; <see langword="false"/> after <paramref name="timeout"/> (for tests).</summary>
    internal async Task<bool> FlushAsync(TimeSpan timeout)
    {
        var target = Interlocked.Read(ref _buffered);
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            var progress = Volatile.Read(ref _progress).Task;
            if (Interlocked.Read(ref _settled) >= target)
            {
                return true;
            }

            var left = timeout - _timeProvider.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await progress.WaitAsync(left, _timeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    /// <summary>Writes what is buffered, for at most 5 seconds: a stopping instance keeps its last entries.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // No more waiting after a failure: what cannot be written now is dropped.
        await _stopping.CancelAsync().ConfigureAwait(false);
        _buffer.Writer.TryComplete();
        var finished = true;
        if (Volatile.Read(ref _writer) is { } writer)
        {
            try
            {
                // The writer ends once the buffer is empty.
                await writer.WaitAsync(FlushTimeout, _timeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                finished = false;
                Log.JournalNotFlushed(_logger, Interlocked.Read(ref _buffered) - Interlocked.Read(ref _settled), FlushTimeout);
            }
        }

        Report(_full, null);
        Report(_failed, null);
        if (finished)
        {
            _stopping.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static bool IsRejected(WebhookJournalEntry entry) => entry.Kind == WebhookJournalEntryKind.Received && entry.StatusCode >= 400;

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }

        lock (_startGate)
        {
            _writer ??= Task.Run(WriteAsync, CancellationToken.None);
        }
    }

    private async Task WriteAsync()
    {
        var reader = _buffer.Reader;
        var batch = new List<WebhookJournalEntry>(MaxBatch);
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            var failed = false;
            try
            {
                await SendAsync(batch).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Drop(_failed, batch.Count, exception);
                failed = true;
            }

            Interlocked.Add(ref _settled, batch.Count);
            Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            batch.Clear();
            if (failed)
            {
                await BackOffAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(List<WebhookJournalEntry> batch)
    {
        var now = _timeProvider.GetUtcNow();
        var values = new RedisValue[5 + (2 * batch.Count)];
        values[0] = now.ToUnixTimeMilliseconds();
        values[1] = (now - _options.MaxAge).ToUnixTimeMilliseconds();
        values[2] = _options.MaxEntries;
        values[3] = _options.MaxRejectedEntries;
        values[4] = (long)_options.MaxAge.TotalMilliseconds;
        for (var i = 0; i < batch.Count; i++)
        {
            values[5 + (2 * i)] = IsRejected(batch[i]) ? 1 : 0;
            values[6 + (2 * i)] = RedisJournalRecord.Write(batch[i], _options);
        }

        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        var first = (long)await _connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.AppendJournal, _keys, values).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            // The caller's entry learns its number once Redis gave it one.
            batch[i].Sequence = first + i;
        }
    }

    private async Task BackOffAsync()
    {
        try
        {
            await Task.Delay(FailureBackoff, _timeProvider, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is left is tried once more, without waiting.
        }
    }

    private void Drop(LossReport report, int count, Exception? exception)
    {
        Interlocked.Add(ref _dropped, count);
        report.Add(count);
        if (report.IsDue())
        {
            Report(report, exception);
        }
    }

    private void Report(LossReport report, Exception? exception)
    {
        var count = report.Take();
        if (count == 0)
        {
            return;
        }

        if (report == _full)
        {
            Log.JournalFull(_logger, count, Dropped);
        }
        else
        {
            Log.JournalWriteFailed(_logger, count, Dropped, exception);
        }
    }

    /// <summary>Losses not yet logged, and when they were last: one log line a minute at most, per cause.</summary>
    private sealed class LossReport(TimeProvider timeProvider)
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
        private long _unreported;
        private long _last = long.MinValue;

        public void Add(int count) => Interlocked.Add(ref _unreported, count);

        /// <summary>Whether a report is due now; true for one caller at a time.</summary>
        public bool IsDue()
        {
            var last = Interlocked.Read(ref _last);
            var now = timeProvider.GetTimestamp();
            return (last == long.MinValue || timeProvider.GetElapsedTime(last, now) >= Interval)
                && Interlocked.CompareExchange(ref _last, now, last) == last;
        }

        public long Take() => Interlocked.Exchange(ref _unreported, 0);
    }
}
