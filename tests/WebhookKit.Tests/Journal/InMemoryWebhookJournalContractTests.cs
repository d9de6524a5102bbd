using Microsoft.Extensions.Options;
using WebhookKit.Contracts;
using WebhookKit.Journal;

namespace WebhookKit.Tests.Journal;

/// <summary>The journal contract (<c>tests/Shared/WebhookJournalContract.cs</c>) on the default, in-memory journal.</summary>
public sealed class InMemoryWebhookJournalContractTests : WebhookJournalContract
{
    protected override IWebhookJournal CreateJournal(WebhookOptions options) => new InMemoryWebhookJournal(Options.Create(options), Time);

    protected override Task SettleAsync(IWebhookJournal journal) => Task.CompletedTask;
}
