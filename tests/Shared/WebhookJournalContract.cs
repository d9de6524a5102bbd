using System.Globalization;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Journal;
using Xunit;

namespace WebhookKit.Contracts;

/// <summary>
/// The rules every <see cref="IWebhookJournal"/> WebhookKit ships keeps (its XML doc, docs/operations.md "Delivery
/// journal"): bounded by count, refused requests apart, by age, numbered in order, newest first, every filter, every
/// field kept. Compiled into the unit tests (in memory) and the Redis tests (real redis-server), both on a fake clock.
/// </summary>
public abstract class WebhookJournalContract
{
    /// <summary>Gets the clock the journal under test reads.</summary>
    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-12-02T12:00:00Z", CultureInfo.InvariantCulture));

    /// <summary>A fresh journal (or a fresh key space) with <paramref name="options"/>' journal settings, on <see cref="Time"/>.</summary>
    protected abstract IWebhookJournal CreateJournal(WebhookOptions options);

    /// <summary>Waits until every entry appended so far is returned by queries (a journal that writes in the background).</summary>
    protected abstract Task SettleAsync(IWebhookJournal journal);

    [Fact]
    public async Task AFloodOfRefusedRequests_DoesNotPushOutAcceptedOnes()
    {
        var journal = Journal(maxEntries: 10, maxRejected: 5);
        journal.Append(Received("accepted-1", 200, "accepted"));
        for (var i = 0; i < 1_000; i++)
        {
            journal.Append(Received("forged-" + i, 401, "unauthorized"));
        }

        await SettleAsync(journal);
        var all = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = 10_000 }, default);

        all.Should().HaveCount(6, "5 refused kept, the accepted one kept");
        all.Should().ContainSingle(e => e.EventId == "accepted-1");
        all.Where(e => e.StatusCode == 401).Select(e => e.EventId).Should().Equal("forged-999", "forged-998", "forged-997", "forged-996", "forged-995");
    }

    [Fact]
    public async Task MaxEntries_KeepsTheNewest()
    {
        var journal = Journal(maxEntries: 10, maxRejected: 5);
        for (var i = 0; i < 50; i++)
        {
            journal.Append(Received("ev-" + i, 200, "accepted"));
        }

        await SettleAsync(journal);
        var all = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = 10_000 }, default);

        all.Select(e => e.EventId).Should().Equal(Enumerable.Range(40, 10).Reverse().Select(i => "ev-" + i));
    }

    [Fact]
    public async Task Entries_AreNumberedInOrder_AndReturnedNewestFirst_AfterASequence()
    {
        var journal = Journal();
        var first = Received("a", 200, "accepted");
        var second = Received("b", 401, "unauthorized");
        var third = Received("c", 200, "duplicate");
        journal.Append(first);
        journal.Append(second);
        journal.Append(third);

        await SettleAsync(journal);
        var after = await journal.QueryAsync(new WebhookJournalQuery { AfterSequence = first.Sequence }, default);
        var afterNewest = await journal.QueryAsync(new WebhookJournalQuery { AfterSequence = third.Sequence }, default);

        first.Sequence.Should().BePositive();
        new[] { first.Sequence, second.Sequence, third.Sequence }.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        after.Select(e => e.EventId).Should().Equal("c", "b");
        after.Select(e => e.Sequence).Should().Equal(third.Sequence, second.Sequence);
        afterNewest.Should().BeEmpty();
    }

    [Fact]
    public async Task MaxCount_ReturnsTheNewest_AcrossRefusedAndOtherEntries()
    {
        var journal = Journal();
        for (var i = 0; i < 10; i++)
        {
            journal.Append(i % 3 == 0 ? Received("e" + i, 401, "unauthorized") : Received("e" + i, 200, "accepted"));
        }

        await SettleAsync(journal);
        var newest = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = 4 }, default);
        var none = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = 0 }, default);

        newest.Select(e => e.EventId).Should().Equal("e9", "e8", "e7", "e6");
        none.Should().BeEmpty();
    }

    [Fact]
    public async Task EntriesOlderThanMaxAge_AreNotReturned()
    {
        var journal = Journal();
        journal.Append(Received("old", 200, "accepted"));
        journal.Append(Received("old-refused", 401, "unauthorized"));
        await SettleAsync(journal);
        Time.Advance(TimeSpan.FromHours(25));
        journal.Append(Received("new", 200, "accepted"));

        await SettleAsync(journal);
        var all = await journal.QueryAsync(new WebhookJournalQuery(), default);

        all.Select(e => e.EventId).Should().Equal("new");
    }

    [Fact]
    public async Task EveryFilter_Matches()
    {
        var journal = Journal();
        var start = Time.GetUtcNow();
        journal.Append(Received("a", 200, "accepted", delivery: "d-a"));
        journal.Append(Step(WebhookJournalEntryKind.Attempt, "a", "d-a", "failed"));
        journal.Append(Step(WebhookJournalEntryKind.DeadLettered, "a", "d-a", "dead_lettered"));
        Time.Advance(TimeSpan.FromMinutes(10));
        journal.Append(Received("b", 200, "accepted", delivery: "d-b", receiver: "stripe"));
        journal.Append(Step(WebhookJournalEntryKind.Handled, "b", "d-b", "handled", receiver: "stripe"));
        journal.Append(Received("c", 401, "unauthorized"));

        await SettleAsync(journal);

        (await Ids(journal, new() { ReceiverName = "stripe" })).Should().Equal("b:Handled", "b:Received");
        (await Ids(journal, new() { Kind = WebhookJournalEntryKind.Received })).Should().Equal("c:Received", "b:Received", "a:Received");
        (await Ids(journal, new() { Outcome = "failed" })).Should().Equal("a:Attempt");
        (await Ids(journal, new() { EventId = "c" })).Should().Equal("c:Received");
        (await Ids(journal, new() { DeliveryId = "d-a" })).Should().Equal("a:DeadLettered", "a:Attempt", "a:Received");
        (await Ids(journal, new() { EventType = "push", Kind = WebhookJournalEntryKind.Handled })).Should().Equal("b:Handled");
        (await Ids(journal, new() { From = start + TimeSpan.FromMinutes(5) })).Should().Equal("c:Received", "b:Handled", "b:Received");
        (await Ids(journal, new() { To = start + TimeSpan.FromMinutes(5) })).Should().Equal("a:DeadLettered", "a:Attempt", "a:Received");
        (await Ids(journal, new() { ReceiverName = "nobody" })).Should().BeEmpty();
    }

    [Fact]
    public async Task AnEntry_KeepsEveryField()
    {
        var journal = Journal();
        var entry = new WebhookJournalEntry
        {
            Kind = WebhookJournalEntryKind.Attempt,
            Time = Time.GetUtcNow() - TimeSpan.FromTicks(12_345),
            ReceiverName = "github",
            Provider = "github",
            EventType = "push",
            EventId = "ev-1",
            DeliveryId = "d-1",
            BodyBytes = 1_234,
            StatusCode = 200,
            Outcome = "failed",
            ReplayOf = "d-0",
            IdempotencyKeys = ["github:ev-1", "github:\u001Fbody:0123456789abcdef0123456789abcdef"],
            ReasonCode = "signature_mismatch",
            Reason = "retrying",
            Attempt = 2,
            Handler = "App.PushHandler",
            Duration = TimeSpan.FromTicks(98_765),
            ExceptionType = "System.InvalidOperationException",
            ExceptionMessage = "the warehouse answered 503 ü",
            Actor = "ops@example.com",
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-GitHub-Delivery"] = "ev-1", ["User-Agent"] = "GitHub-Hookshot/1" },
            Body = """{"ref":"refs/heads/main"}""",
        };
        journal.Append(entry);

        await SettleAsync(journal);
        var read = (await journal.QueryAsync(new WebhookJournalQuery(), default)).Single();

        read.Should().BeEquivalentTo(entry);
        read.Headers!["x-github-delivery"].Should().Be("ev-1", "header names stay case-insensitive, as the recorder makes them");
    }

    private IWebhookJournal Journal(int maxEntries = 100, int maxRejected = 100)
    {
        var options = new WebhookOptions();
        options.Journal.MaxEntries = maxEntries;
        options.Journal.MaxRejectedEntries = maxRejected;
        return CreateJournal(options);
    }

    private static async Task<IEnumerable<string>> Ids(IWebhookJournal journal, WebhookJournalQuery query) =>
        (await journal.QueryAsync(query, default)).Select(e => $"{e.EventId}:{e.Kind}");

    private WebhookJournalEntry Received(string eventId, int status, string outcome, string? delivery = null, string receiver = "github") => new()
    {
        Kind = WebhookJournalEntryKind.Received,
        Time = Time.GetUtcNow(),
        ReceiverName = receiver,
        Provider = "github",
        EventType = "push",
        EventId = eventId,
        DeliveryId = delivery,
        StatusCode = status,
        Outcome = outcome,
    };

    private WebhookJournalEntry Step(WebhookJournalEntryKind kind, string eventId, string delivery, string outcome, string receiver = "github") => new()
    {
        Kind = kind,
        Time = Time.GetUtcNow(),
        ReceiverName = receiver,
        Provider = "github",
        EventType = "push",
        EventId = eventId,
        DeliveryId = delivery,
        Outcome = outcome,
    };
}
