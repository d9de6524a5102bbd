using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using WebhookKit.Journal;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Journal;

/// <summary>
/// What the shared journal adds to the journal contract: instances see each other's entries, numbered in the order
/// Redis wrote them; its streams stay bounded; an outage costs entries, counted, never a blocked or failed append; a
/// stopping instance writes what it holds.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RedisWebhookJournalTests(RedisFixture redis)
{
    private const int JournalFull = 113;
    private const int JournalWriteFailed = 114;

    [Fact]
    public async Task TwoInstances_SeeEachOthersEntries_NumberedInTheOrderWritten()
    {
        // Arrange: two instances (each its own connection) on one prefix.
        var prefix = RedisFixture.NewPrefix("journal-two");
        await using var a = RedisServices.Build(redis.Server.Configuration, prefix);
        await using var b = RedisServices.Build(redis.Server.Configuration, prefix);
        var (journalA, journalB) = (Journal(a), Journal(b));
        var first = Entry("a-first");
        journalA.Append(first);
        await FlushAsync(journalA);
        var second = Entry("b-second");
        journalB.Append(second);
        await FlushAsync(journalB);

        // Act: both append at once.
        await Task.WhenAll(
            Task.Run(() => AppendMany(journalA, "a-", 300)),
            Task.Run(() => AppendMany(journalB, "b-", 300)));
        await FlushAsync(journalA);
        await FlushAsync(journalB);
        var seenByA = await journalA.QueryAsync(new WebhookJournalQuery { MaxCount = 1_000 }, default);
        var seenByB = await journalB.QueryAsync(new WebhookJournalQuery { MaxCount = 1_000 }, default);
        var liveAfterFirst = await journalB.QueryAsync(new WebhookJournalQuery { AfterSequence = first.Sequence, MaxCount = 1_000 }, default);

        // Assert
        second.Sequence.Should().BeGreaterThan(first.Sequence, "B wrote after A");
        seenByA.Should().HaveCount(602);
        seenByA.Select(e => e.Sequence).Should().OnlyHaveUniqueItems().And.BeInDescendingOrder();
        seenByB.Select(e => e.Sequence).Should().Equal(seenByA.Select(e => e.Sequence));
        seenByB.Select(e => e.EventId).Should().Contain(["a-first", "b-second", "a-299", "b-299"]);
        liveAfterFirst.Should().HaveCount(601).And.NotContain(e => e.EventId == "a-first");
        journalA.Dropped.Should().Be(0);
        journalB.Dropped.Should().Be(0);
    }

    [Fact]
    public async Task Streams_StayNearTheirCaps()
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix("journal-capped");
        await using var services = RedisServices.Build(redis.Server.Configuration, prefix, webhooks: static o =>
        {
            o.Journal.MaxEntries = 10;
            o.Journal.MaxRejectedEntries = 5;
        });
        var journal = Journal(services);

        // Act
        for (var round = 0; round < 10; round++)
        {
            AppendMany(journal, "ok-", 200);
            AppendMany(journal, "forged-", 200, status: 401);
            await FlushAsync(journal);
        }

        var all = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = 10_000 }, default);

        // Assert: MAXLEN ~ trims whole stream nodes (100 entries), so a stream holds its cap and at most about a node more.
        all.Should().HaveCount(15);
        (await redis.Server.Database.StreamLengthAsync(prefix + "webhookkit:{journal}:entries")).Should().BeLessThan(250);
        (await redis.Server.Database.StreamLengthAsync(prefix + "webhookkit:{journal}:rejected")).Should().BeLessThan(250);
        (await redis.Server.Database.KeyTimeToLiveAsync(prefix + "webhookkit:{journal}:entries")).Should().BeCloseTo(TimeSpan.FromHours(24), TimeSpan.FromMinutes(1), "a journal nobody writes to expires with its last entry");
    }

    [Fact]
    public async Task RedisDown_AppendNeitherBlocksNorThrows_AndCountsWhatIsDropped()
    {
        // Arrange: nothing listens on the port.
        await using var services = RedisServices.Build($"127.0.0.1:{RedisServer.FreePort()}", RedisFixture.NewPrefix("journal-down"));
        var journal = Journal(services);
        const int Count = 10_000;

        // Act
        var clock = Stopwatch.StartNew();
        var append = () => AppendMany(journal, "lost-", Count);
        append.Should().NotThrow();
        clock.Stop();

        // Assert
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "appending never waits for Redis");
        journal.Dropped.Should().BePositive("what does not fit in the buffer ({0}) is dropped at once", RedisWebhookJournal.BufferCapacity);
        await Eventually.WaitUntilAsync(() => Task.FromResult(journal.Dropped == Count), "every entry is counted as dropped");
        var logs = services.GetFakeLogCollector().GetSnapshot();
        logs.Should().ContainSingle(record => record.Id.Id == JournalFull, "losses are logged once a minute, not per entry");
        logs.Should().ContainSingle(record => record.Id.Id == JournalWriteFailed);
    }

    [Fact]
    public async Task Stopping_WritesWhatIsBuffered()
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix("journal-stop");
        var stopping = RedisServices.Build(redis.Server.Configuration, prefix);
        var journal = Journal(stopping);
        journal.Append(Entry("connected"));
        await FlushAsync(journal);

        // Act: stopped at once, while the writer has most of them still to send.
        AppendMany(journal, "last-", 2_000);
        await stopping.DisposeAsync();
        await using var other = RedisServices.Build(redis.Server.Configuration, prefix);
        var seen = await Journal(other).QueryAsync(new WebhookJournalQuery { MaxCount = 10_000 }, default);

        // Assert
        journal.Dropped.Should().Be(0);
        seen.Should().HaveCount(2_001);
    }

    private static RedisWebhookJournal Journal(IServiceProvider services) =>
        services.GetRequiredService<IWebhookJournal>().Should().BeOfType<RedisWebhookJournal>().Subject;

    private static async Task FlushAsync(RedisWebhookJournal journal) =>
        (await journal.FlushAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();

    private static void AppendMany(RedisWebhookJournal journal, string prefix, int count, int status = 200)
    {
        for (var i = 0; i < count; i++)
        {
            journal.Append(Entry(prefix + i, status));
        }
    }

    private static WebhookJournalEntry Entry(string eventId, int status = 200) => new()
    {
        Kind = WebhookJournalEntryKind.Received,
        Time = TimeProvider.System.GetUtcNow(),
        ReceiverName = "github",
        Provider = "github",
        EventType = "push",
        EventId = eventId,
        StatusCode = status,
        Outcome = status < 400 ? "accepted" : "unauthorized",
    };
}
