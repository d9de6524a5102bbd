using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>Reading: new entries, taken over entries, their bodies, and removing entries that cannot be handled.</summary>
internal sealed partial class RedisStreamWebhookQueue
{
    private async ValueTask<int> ReadNewAsync(IDatabase database, string[] tags, CancellationToken stopping)
    {
        var read = 0;
        var start = _roundRobin++;
        for (var i = 0; i < tags.Length && !stopping.IsCancellationRequested; i++)
        {
            var free = _prefetch - Count;
            if (free <= 0)
            {
                break;
            }

            var tag = tags[(int)((uint)(start + i) % (uint)tags.Length)];
            var stream = _layout.Stream(tag);
            StreamEntry[] entries;
            var reading = database.StreamReadGroupAsync(stream, RedisKeyLayout.Group, _consumer, StreamPosition.NewMessages, free);
            var clock = ReadClockAsync(database, stream); // Sent behind the read: no round trip of its own; never throws.
            try
            {
                entries = await reading.ConfigureAwait(false);
            }
            catch (RedisServerException exception) when (exception.Message.Contains("NOGROUP", StringComparison.Ordinal))
            {
                await CreateGroupAsync(database, tag).ConfigureAwait(false);
                continue;
            }

            var now = await clock.ConfigureAwait(false);
            var fresh = new List<ReadEntry>(entries.Length);
            foreach (var entry in entries)
            {
                if (!entry.IsNull)
                {
                    var id = (string)entry.Id!;
                    fresh.Add(new ReadEntry(id, entry.Values, 0, TakenOver: false, ClaimsAsAppended: IsFresh(id, now)));
                }
            }

            read += await AcceptAsync(database, tag, fresh).ConfigureAwait(false);
        }

        return read;
    }

    private async ValueTask<int> TakeOverAsync(IDatabase database, string[] tags)
    {
        var taken = 0;
        foreach (var tag in tags)
        {
            var free = _prefetch - Count;
            if (free <= 0)
            {
                break;
            }

            var cursor = _takeOverCursors.TryGetValue(tag, out var saved) ? saved : (RedisValue)"0-0";
            RedisResult reply;
            try
            {
                reply = await _connection.SlotMigrationRetry.EvaluateAsync(
                    database,
                    RedisScripts.TakeOver,
                    [_layout.Stream(tag)],
                    [RedisKeyLayout.Group, _consumer, RedisIdempotencyStore.Milliseconds(_options.VisibilityTimeout), cursor, free]).ConfigureAwait(false);
            }
            catch (RedisServerException exception) when (exception.Message.Contains("NOGROUP", StringComparison.Ordinal) || exception.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var items = (RedisResult[])reply!;
            _takeOverCursors[tag] = (RedisValue)items[0];
            var claimed = new List<ReadEntry>(items.Length - 1);
            for (var i = 1; i < items.Length; i++)
            {
                var item = (RedisResult[])items[i]!;
                claimed.Add(new ReadEntry((string)item[0]!, RedisEntryFormat.ToFields((RedisResult[])item[1]!), (int)item[2], TakenOver: true, ClaimsAsAppended: false));
            }

            var takenHere = await AcceptAsync(database, tag, claimed).ConfigureAwait(false);

            if (takenHere > 0)
            {
                Log.TookOver(_logger, takenHere, tag);
                taken += takenHere;
            }
        }

        return taken;
    }

    /// <summary>
    /// Renews the claims of read entries and fetches their bodies in one round trip (a script, then one <c>MGET</c>;
    /// entries written before bodies had keys of their own, and replayed dead letters, hold theirs; an entry read new is
    /// the copy this instance kept of the delivery when it appended it, if it still has it: <see cref="RedisAppendedDeliveries"/>)
    /// and puts each entry in hand, but for superseded ones, which are removed. Returns how many were put in hand.
    /// </summary>
    private async ValueTask<int> AcceptAsync(IDatabase database, string tag, List<ReadEntry> entries)
    {
        var fetchKeys = new List<RedisKey>(entries.Count);
        var bodyKeys = new RedisKey?[entries.Count];
        var appended = new RedisAppendedDeliveries.Appended?[entries.Count];
        var fetchIndex = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            fetchIndex[i] = -1;
            if (RedisEntryFormat.SeparateBodyOwner(entries[i].Fields) is { } deliveryId)
            {
                bodyKeys[i] = _layout.Body(tag, deliveryId);
                if (!entries[i].TakenOver && (appended[i] = _appended.Take(deliveryId)) is not null)
                {
                    continue;
                }

                fetchIndex[i] = fetchKeys.Count;
                fetchKeys.Add(bodyKeys[i]!.Value);
            }
        }

        // Both started before either is awaited: no round trip of their own for the claims.
        var renewal = StartRenewOnRead(database, tag, entries);
        var fetch = fetchKeys.Count == 0 ? Task.FromResult(Array.Empty<RedisValue>()) : _connection.SlotMigrationRetry.StringGetAsync(database, [.. fetchKeys]).AsTask();
        await Task.WhenAll(renewal, fetch).ConfigureAwait(false);
        var superseded = await renewal.ConfigureAwait(false);
        var fetched = await fetch.ConfigureAwait(false);
        var accepted = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            RedisValue? body = fetchIndex[i] < 0 ? null : (RedisValue?)fetched[fetchIndex[i]];
            if (superseded[i])
            {
                // Its claims are the delivery's that superseded it (or the event's, handled): removed without them.
                var claims = RedisEntryFormat.Claims(entry.Fields)!.Value;
                Log.Superseded(_logger, entry.Id, tag, claims.EventId, claims.DeliveryId);
                RemoveEntry(database, tag, entry.Id, bodyKeys[i], null, appended[i]?.Delivery.Size ?? RedisEntryFormat.Size(entry.Fields, body));
                appended[i]?.Return();
                continue;
            }

            if (body is { IsNull: true })
            {
                // Acknowledged (and its body deleted) by the consumer it was taken over from after this read, or the body
                // was evicted: the entry is removed, and the claims it still holds in flight are released, so that the
                // provider's retry is accepted (in the first case they are done, and stay).
                Log.BodyMissing(_logger, entry.Id, tag);
                RemoveEntry(database, tag, entry.Id, bodyKeys[i], RedisEntryFormat.Claims(entry.Fields));
                continue;
            }

            if (Accept(database, tag, entry, body, appended[i]))
            {
                accepted++;
            }
        }

        return accepted;
    }

    /// <summary>
    /// Puts a read entry in hand and in the local buffer (as <paramref name="appended"/>, this instance's copy of what it
    /// appended, when it has one); false when it is already in hand or unreadable.
    /// </summary>
    private bool Accept(IDatabase database, string tag, ReadEntry read, RedisValue? body, RedisAppendedDeliveries.Appended? appended)
    {
        var (entryId, fields) = (read.Id, read.Fields);
        var inHandId = InHandId(tag, entryId);
        if (!_inHandIds.TryAdd(inHandId, 0))
        {
            appended?.Return();
            return false; // Ours already (for example renewed late after an outage and claimed back by ourselves).
        }

        WebhookDelivery delivery;
        try
        {
            // As memory: the reply's bytes are used as they are, not copied into another array.
            delivery = appended?.Delivery ?? RedisEntryFormat.ReadDelivery(fields, read.PreviousAttempts, body is { } separate ? (ReadOnlyMemory<byte>)separate : null);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidCastException or FormatException or OverflowException)
        {
            Log.UnreadableEntry(_logger, entryId, tag, exception);
            _inHandIds.TryRemove(inHandId, out _);
            // Its claims too, when its metadata can be read: the provider's retry is then accepted (and may be readable).
            RemoveEntry(database, tag, entryId, RedisEntryFormat.DeliveryId(fields) is { } deliveryId ? _layout.Body(tag, deliveryId) : (RedisKey?)null, RedisEntryFormat.Claims(fields));
            return false;
        }

        var entry = new InHand(tag, entryId, inHandId, delivery.IdempotencyKey, _layout.ClaimKeys(tag, delivery)) { TakenOver = read.TakenOver, Appended = appended };
        _inHand[delivery] = entry;
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _bytes, delivery.Size);
        Interlocked.Increment(ref _held);
        _buffer.Writer.TryWrite(delivery);
        return true;
    }

    /// <summary>
    /// Acknowledges and deletes an entry that cannot be handled, its body if it has one, and the claims of
    /// <paramref name="claims"/> that its delivery still holds in flight; frees <paramref name="size"/> bytes (0 when
    /// unknown: the counter is reset when the stream empties); best effort.
    /// </summary>
    private void RemoveEntry(IDatabase database, string tag, string entryId, RedisKey? bodyKey, (string DeliveryId, string EventId, string? ReplayKey)? claims, long size = 0)
    {
        var keys = new List<RedisKey>(5) { _layout.Stream(tag), _layout.Bytes(tag) };
        if (bodyKey is { } body)
        {
            keys.Add(body);
        }

        var deletes = keys.Count - 2;
        var owner = string.Empty;
        if (claims is { } held)
        {
            owner = held.DeliveryId;
            keys.Add(_layout.Claim(tag, held.EventId));
            if (held.ReplayKey is { } replayKey)
            {
                keys.Add(_layout.Replay(tag, replayKey));
            }
        }

        _ = database.ScriptEvaluateAsync(RedisScripts.RemoveEntry, [.. keys], [RedisKeyLayout.Group, entryId, size, deletes, owner], CommandFlags.FireAndForget);
    }

    /// <summary>The key of an entry in <see cref="_inHandIds"/>: entry ids are unique per stream only.</summary>
    private static string InHandId(string tag, string entryId) => string.Concat(tag, "/", entryId);

    /// <summary>
    /// Redis's time in ms, read on the partition's shard right after the entries (<see cref="RedisScripts.Clock"/>);
    /// <see langword="null"/> when unknown (it failed, or no window is set), and then every entry read is renewed.
    /// </summary>
    private async Task<long?> ReadClockAsync(IDatabase database, RedisKey stream)
    {
        if (_freshReadWindowMs <= 0)
        {
            return null;
        }

        try
        {
            return (long)await database.ScriptEvaluateAsync(RedisScripts.Clock, [stream]).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or InvalidCastException)
        {
            return null; // The read itself reports what failed.
        }
    }

    /// <summary>
    /// Whether an entry read at <paramref name="now"/> (Redis ms) was appended less than the fresh-read window before
    /// (its id's ms is its append's; an id ahead of the clock is not trusted), so that its claims are still the ones
    /// its append set, with most of their lease left: no other delivery can have claimed its event meanwhile.
    /// </summary>
    private bool IsFresh(string entryId, long? now)
    {
        var dash = entryId.IndexOf('-', StringComparison.Ordinal);
        if (now is not { } clock || dash <= 0
            || !long.TryParse(entryId.AsSpan(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var appended))
        {
            return false;
        }

        var age = clock - appended;
        return age >= 0 && age < _freshReadWindowMs;
    }

    /// <summary>
    /// An entry as read from a stream (new, or taken over: then with the attempts started on it), before its body is
    /// fetched; <paramref name="ClaimsAsAppended"/> when it was read new soon after its append (<see cref="IsFresh"/>).
    /// </summary>
    private readonly record struct ReadEntry(string Id, NameValueEntry[] Fields, int PreviousAttempts, bool TakenOver, bool ClaimsAsAppended);

    private async Task CreateGroupAsync(IDatabase database, string tag)
    {
        try
        {
            await database.StreamCreateConsumerGroupAsync(_layout.Stream(tag), RedisKeyLayout.Group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
            Log.GroupCreated(_logger, tag);
        }
        catch (RedisServerException exception) when (exception.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // Created meanwhile by another instance.
        }
    }
}
