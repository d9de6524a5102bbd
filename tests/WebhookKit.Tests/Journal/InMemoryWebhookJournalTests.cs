using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Journal;

namespace WebhookKit.Tests.Journal;

/// <summary>
/// The recorder's privacy rules, on the default journal. The journal's own rules (bounds, order, filters) are the
/// contract every journal keeps: <c>tests/Shared/WebhookJournalContract.cs</c>.
/// </summary>
public sealed class InMemoryWebhookJournalTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

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

    [Fact]
    public async Task Append_ManyMoreThanTheRingStartsWith_KeepsTheNewestMaxEntriesInOrder()
    {
        // The ring starts small and doubles up to MaxEntries (1,000) before it wraps: 700 fill it through three sizes,
        // 600 more wrap it.
        var options = new WebhookOptions();
        options.Journal.MaxEntries = 1_000;
        var journal = new InMemoryWebhookJournal(Options.Create(options), _time);
        var query = new WebhookJournalQuery { MaxCount = 10_000 };

        for (var i = 0; i < 700; i++)
        {
            journal.Append(Entry("ev-" + i));
        }

        var beforeWrap = await journal.QueryAsync(query, default);
        for (var i = 700; i < 1_300; i++)
        {
            journal.Append(Entry("ev-" + i));
        }

        var afterWrap = await journal.QueryAsync(query, default);

        beforeWrap.Select(e => e.EventId).Should().Equal(Enumerable.Range(0, 700).Reverse().Select(i => "ev-" + i));
        afterWrap.Select(e => e.EventId).Should().Equal(Enumerable.Range(300, 1_000).Reverse().Select(i => "ev-" + i));
        afterWrap.Select(e => e.Sequence).Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Append_DoesNotKeepTheEntryObject()
    {
        // The ring holds an entry's fields, not the object: objects kept for thousands of deliveries were promoted by
        // every gen0 collection they outlived, three per handled delivery.
        var journal = new InMemoryWebhookJournal(Options.Create(new WebhookOptions()), _time);
        var appended = AppendAndForget(journal);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        appended.IsAlive.Should().BeFalse("the journal keeps a copy of the entry's fields, not the entry");
    }

    [Fact]
    public async Task Recorder_OnTheDefaultJournal_AllocatesNothingPerEntry()
    {
        // The recorder hands the default journal the entry's fields: no WebhookJournalEntry per record, three per
        // handled delivery, each thrown away once its fields were copied into the ring.
        var options = new WebhookOptions();
        var journal = new InMemoryWebhookJournal(Options.Create(options), _time);
        var recorder = new WebhookJournalRecorder(journal, Options.Create(options), _time);
        var delivery = new WebhookDelivery("d-1", "github", "github", "push", "ev-1", _time.GetUtcNow(), "{}"u8.ToArray(), "{}"u8.ToArray(), new Dictionary<string, string>());
        var duration = TimeSpan.FromMilliseconds(3);
        recorder.Attempt(delivery, 1, "handler", duration, null); // The first call's one-time costs.
        recorder.Finished(delivery, handled: true, 1, null);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            recorder.Attempt(delivery, 1, "handler", duration, null);
            recorder.Finished(delivery, handled: true, 1, null);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "102 entries fit the ring's first 256 slots, and the fields go into it as they are");
        var entries = await journal.QueryAsync(new WebhookJournalQuery { MaxCount = 1_000 }, default);
        entries.Should().HaveCount(102);
        entries[0].Should().Match<WebhookJournalEntry>(entry => entry.Kind == WebhookJournalEntryKind.Handled && entry.DeliveryId == "d-1" && entry.Outcome == "handled" && entry.Sequence == 102);
        entries[1].Should().Match<WebhookJournalEntry>(entry => entry.Kind == WebhookJournalEntryKind.Attempt && entry.Handler == "handler" && entry.Duration == duration && entry.Sequence == 101);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference AppendAndForget(InMemoryWebhookJournal journal)
    {
        var entry = Entry("ev-weak");
        journal.Append(entry);
        return new WeakReference(entry);
    }

    private WebhookJournalEntry Entry(string eventId) => new()
    {
        Kind = WebhookJournalEntryKind.Handled,
        Time = _time.GetUtcNow(),
        ReceiverName = "github",
        EventId = eventId,
        Outcome = "handled",
    };
}
