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
