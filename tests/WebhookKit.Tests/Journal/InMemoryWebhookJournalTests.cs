using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Journal;

namespace WebhookKit.Tests.Journal;

/// <summary>The default journal's bounds: by count, by age, and refused requests apart from real deliveries.</summary>
public sealed class InMemoryWebhookJournalTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task AFloodOfRefusedRequests_DoesNotPushOutAcceptedOnes()
    {
        var journal = Journal(maxEntries: 10, maxRejected: 5);
        journal.Append(Received("accepted-1", 200, "accepted"));
        for (var i = 0; i < 1_000; i++)
        {
            journal.Append(Received("forged-" + i, 401, "unauthorized"));
        }

        var all = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = 10_000 }, default);

        all.Should().HaveCount(6, "5 refused kept, the accepted one kept");
        all.Should().ContainSingle(e => e.EventId == "accepted-1");
        all.Where(e => e.StatusCode == 401).Select(e => e.EventId).Should().Equal("forged-999", "forged-998", "forged-997", "forged-996", "forged-995");
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

        var after = await journal.QueryAsync(new WebhookJournalQuery { AfterSequence = first.Sequence }, default);

        new[] { first.Sequence, second.Sequence, third.Sequence }.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        after.Select(e => e.EventId).Should().Equal("c", "b");
    }

    [Fact]
    public async Task EntriesOlderThanMaxAge_AreNotReturned()
    {
        var journal = Journal();
        journal.Append(Received("old", 200, "accepted"));
        _time.Advance(TimeSpan.FromHours(25));
        journal.Append(Received("new", 200, "accepted"));

        var all = await journal.QueryAsync(new WebhookJournalQuery(), default);

        all.Select(e => e.EventId).Should().Equal("new");
    }

    [Fact]
    public async Task Recorder_NeverKeepsACredentialHeader_AndCutsLongValues()
    {
        var options = new WebhookOptions();
        options.Journal.Headers.Add("X-GitHub-Delivery");
        options.Journal.Headers.Add("X-Hub-Signature-256");
        options.Journal.Headers.Add("Authorization");
        var journal = new InMemoryWebhookJournal(Options.Create(options), _time);
        var recorder = new WebhookJournalRecorder(journal, Options.Create(options), _time);
        var context = new DefaultHttpContext();
        context.Request.Headers["X-GitHub-Delivery"] = new string('d', 10_000);
        context.Request.Headers["X-Hub-Signature-256"] = "sha256=abc";
        context.Request.Headers["Authorization"] = "Bearer secret";

        recorder.Received(context, "github", "github", "push", new string('e', 10_000), null, 401, "unauthorized", "signature_mismatch", "X-Hub-Signature-256 is well formed but does not match the configured secret");
        var entry = (await journal.QueryAsync(new WebhookJournalQuery(), default)).Single();

        entry.Headers.Should().ContainSingle().Which.Key.Should().Be("X-GitHub-Delivery");
        entry.Headers!["X-GitHub-Delivery"].Length.Should().Be(257, "256 characters and an ellipsis");
        entry.EventId!.Length.Should().Be(257);
    }

    private InMemoryWebhookJournal Journal(int maxEntries = 100, int maxRejected = 100)
    {
        var options = new WebhookOptions();
        options.Journal.MaxEntries = maxEntries;
        options.Journal.MaxRejectedEntries = maxRejected;
        return new InMemoryWebhookJournal(Options.Create(options), _time);
    }

    private WebhookJournalEntry Received(string eventId, int status, string outcome) => new()
    {
        Kind = WebhookJournalEntryKind.Received,
        Time = _time.GetUtcNow(),
        ReceiverName = "github",
        EventId = eventId,
        StatusCode = status,
        Outcome = outcome,
    };
}
