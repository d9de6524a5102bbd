using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebhookKit.Journal;
using WebhookKit.Contracts;
using WebhookKit.Redis.Internal;

namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>
/// The journal contract on the shared Redis journal, on the contract's fake clock (stream ids and trimming follow it);
/// each journal gets its own key prefix. Settling waits for the background writer.
/// </summary>
public abstract class RedisJournalContract(string configuration) : WebhookJournalContract, IAsyncDisposable
{
    private readonly List<ServiceProvider> _services = [];
    private readonly List<RedisWebhookJournal> _journals = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var journal in _journals)
        {
            await journal.DisposeAsync();
        }

        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected override IWebhookJournal CreateJournal(WebhookOptions options)
    {
        var services = RedisServices.Build(configuration, RedisFixture.NewPrefix("journal-contract"));
        _services.Add(services);
        var journal = new RedisWebhookJournal(
            services.GetRequiredService<RedisConnection>(), services.GetRequiredService<RedisKeyLayout>(), Options.Create(options), Time, NullLogger<RedisWebhookJournal>.Instance);
        _journals.Add(journal);
        return journal;
    }

    protected override async Task SettleAsync(IWebhookJournal journal)
    {
        // The fake clock never times the flush out; the real one does.
        var flushed = await ((RedisWebhookJournal)journal).FlushAsync(TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(30));
        flushed.Should().BeTrue();
        journal.Dropped.Should().Be(0);
    }
}
