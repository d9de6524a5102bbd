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
}
