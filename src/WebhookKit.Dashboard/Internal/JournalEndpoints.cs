using System.Globalization;
using Microsoft.AspNetCore.Http;
using WebhookKit.Dispatch;
using WebhookKit.Journal;

namespace WebhookKit.Dashboard.Internal;

/// <summary>The journal's JSON API: the overview, the deliveries list with filters, one delivery's detail.</summary>
internal sealed class JournalEndpoints(IWebhookJournal journal, IWebhookQueue queue, IDeadLetterStore deadLetters, TimeProvider timeProvider, WebhookDashboardOptions options)
{
    // The overview reads the journal's whole window; bounded by what the journal keeps.
    private const int OverviewWindow = 100_000;
    private const int MaxDeadLetters = 10_000;

    public async Task Overview(HttpContext context)
    {
        var (overview, _) = await ReadOverviewAsync(context.RequestAborted).ConfigureAwait(false);
        await DeadLetterEndpoints.WriteJson(context, overview, DashboardJsonContext.Default.Overview).ConfigureAwait(false);
    }

    /// <summary>Reads the journal's whole window and the dead letters: the counters, and the journal's last sequence in them.</summary>
    public async Task<(Overview Overview, long Covers)> ReadOverviewAsync(CancellationToken cancellationToken)
    {
        var entries = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = OverviewWindow }, cancellationToken).ConfigureAwait(false);
        var letters = await deadLetters.ListAsync(MaxDeadLetters, cancellationToken).ConfigureAwait(false);
        return (BuildOverview(entries, letters.Count), entries.Count == 0 ? 0 : entries.Max(static entry => entry.Sequence));
    }

    private Overview BuildOverview(IReadOnlyList<WebhookJournalEntry> entries, int deadLetterCount)
    {
        var now = timeProvider.GetUtcNow();
        var rows = entries
            .Where(e => e.EventType is not null && e.Provider is not null)
            .GroupBy(e => (e.ReceiverName, EventType: e.EventType!))
            .Select(group =>
            {
                var received = group.Count(e => e.Kind == WebhookJournalEntryKind.Received && e.Outcome == "accepted");
                var handled = group.Count(e => e.Kind == WebhookJournalEntryKind.Handled);
                var dead = group.Where(e => e.Kind == WebhookJournalEntryKind.DeadLettered).ToList();
                var failures = group.Where(e => e.Kind == WebhookJournalEntryKind.Attempt && e.Outcome == "failed").ToList();
                var durations = group.Where(e => e.Duration is not null).Select(e => e.Duration!.Value.TotalMilliseconds).Order().ToArray();
                return new OverviewRow(
                    group.Key.ReceiverName,
                    group.Key.EventType,
                    received,
                    handled + dead.Count == 0 ? null : (double)handled / (handled + dead.Count),
                    Percentile(durations, 0.50),
                    Percentile(durations, 0.95),
                    failures.Count(e => e.Time >= now - TimeSpan.FromHours(1)),
                    failures.Count(e => e.Time >= now - TimeSpan.FromDays(1)));
            })
            .OrderBy(row => row.ReceiverName, StringComparer.Ordinal)
            .ThenBy(row => row.EventType, StringComparer.Ordinal)
            .ToList();
        return new Overview(queue.Count, queue.Bytes, deadLetterCount, journal.Dropped, rows);
    }

    public async Task List(HttpContext context)
    {
        var query = context.Request.Query;
        var entries = await journal.QueryAsync(
            new WebhookJournalQuery
            {
                Kind = WebhookJournalEntryKind.Received,
                ReceiverName = Value(query["receiver"]),
                EventType = Value(query["eventType"]),
                Outcome = Value(query["outcome"]),
                EventId = Value(query["eventId"]),
                From = Time(query["from"]),
                To = Time(query["to"]),
                MaxCount = options.PageSize,
            },
            context.RequestAborted).ConfigureAwait(false);
        await DeadLetterEndpoints.WriteJson(context, entries.Select(ToRow).ToList(), DashboardJsonContext.Default.IReadOnlyListDeliveryRow).ConfigureAwait(false);
    }

    public async Task Detail(HttpContext context)
    {
        var id = context.Request.RouteValues["id"] as string ?? "";
        var detail = await FindAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (detail is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await DeadLetterEndpoints.WriteJson(context, detail, DashboardJsonContext.Default.DeliveryDetail).ConfigureAwait(false);
    }

    public static DeliveryRow ToRow(WebhookJournalEntry e) =>
        new(RowId(e), e.Sequence, e.Time, e.ReceiverName, e.Provider, e.EventType, e.EventId, e.DeliveryId, e.BodyBytes, e.StatusCode, e.Outcome, e.ReasonCode, e.Reason);

    /// <summary>An accepted request is found by its delivery id; a refused one, which has none, by its sequence.</summary>
    private static string RowId(WebhookJournalEntry e) => e.DeliveryId ?? "seq-" + e.Sequence.ToString(CultureInfo.InvariantCulture);

    private async Task<DeliveryDetail?> FindAsync(string id, CancellationToken cancellationToken)
    {
        IReadOnlyList<WebhookJournalEntry> entries;
        if (id.StartsWith("seq-", StringComparison.Ordinal) && long.TryParse(id.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            entries = [.. (await journal.QueryAsync(new WebhookJournalQuery { AfterSequence = sequence - 1, MaxCount = OverviewWindow }, cancellationToken).ConfigureAwait(false)).Where(e => e.Sequence == sequence)];
        }
        else
        {
            entries = await journal.QueryAsync(new WebhookJournalQuery { DeliveryId = id, MaxCount = 1_000 }, cancellationToken).ConfigureAwait(false);
        }

        var received = entries.FirstOrDefault(e => e.Kind == WebhookJournalEntryKind.Received) ?? (entries.Count > 0 ? entries[^1] : null);
        if (received is null)
        {
            return null;
        }

        var final = entries.FirstOrDefault(e => e.Kind is WebhookJournalEntryKind.Handled or WebhookJournalEntryKind.DeadLettered);
        var attempts = entries.Where(e => e.Kind == WebhookJournalEntryKind.Attempt).OrderBy(e => e.Sequence)
            .Select(e => new AttemptView(e.Time, e.Attempt, e.Handler, e.Duration?.TotalMilliseconds, e.Outcome, e.ExceptionType, e.ExceptionMessage))
            .ToList();
        var replays = entries.Where(e => e.Kind == WebhookJournalEntryKind.Replayed).OrderBy(e => e.Sequence)
            .Select(e => $"{e.Time:u} {e.Reason}{(e.Actor is null ? "" : " by " + e.Actor)}")
            .ToList();
        // From the delivery's own first entry: a replay's handling may be journaled before the dashboard journals the replay.
        var replayedAs = replays.Count == 0 || received.DeliveryId is not { } deliveryId
            ? []
            : await ReplayedAsAsync(deliveryId, entries.Min(e => e.Time), cancellationToken).ConfigureAwait(false);
        return new DeliveryDetail(
            RowId(received), received.Time, received.ReceiverName, received.Provider, received.EventType, received.EventId, received.DeliveryId,
            received.BodyBytes, received.StatusCode, received.Outcome, received.ReasonCode, received.Reason, final?.Outcome, final?.Reason, attempts, replays,
            replayedAs, entries.Select(e => e.ReplayOf).FirstOrDefault(id => id is not null),
            final?.IdempotencyKeys is { Count: > 0 } keys ? string.Join(", ", keys).Replace('\u001F', '~') : null, final?.Headers ?? received.Headers, final?.Body);
    }

    /// <summary>The deliveries that replay <paramref name="deliveryId"/>, oldest first: their handling's entries name it (<see cref="WebhookJournalEntry.ReplayOf"/>).</summary>
    private async Task<List<string>> ReplayedAsAsync(string deliveryId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var after = await journal.QueryAsync(new WebhookJournalQuery { From = since, MaxCount = 10_000 }, cancellationToken).ConfigureAwait(false);
        return [.. after.Where(e => e.ReplayOf == deliveryId).OrderBy(e => e.Sequence).Select(e => e.DeliveryId!).Distinct()];
    }

    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : Math.Round(sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)], 1);

    private static string? Value(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 1 && value[0] is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Time(Microsoft.Extensions.Primitives.StringValues value) =>
        Value(value) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
