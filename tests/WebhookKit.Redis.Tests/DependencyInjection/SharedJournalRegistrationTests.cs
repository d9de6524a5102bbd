using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Journal;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.DependencyInjection;

/// <summary>
/// <c>AddRedis()</c> keeps the journal in Redis by default (<see cref="RedisWebhookOptions.SharedJournal"/>), in place
/// of the core's in-memory one only: a journal the app registered stays.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class SharedJournalRegistrationTests(RedisFixture redis)
{
    [Fact]
    public async Task AddRedis_ByDefault_SharesTheJournalInRedis()
    {
        await using var services = RedisServices.Build(redis.Server.Configuration, RedisFixture.NewPrefix("journal-default"));

        services.GetRequiredService<IOptions<RedisWebhookOptions>>().Value.SharedJournal.Should().BeTrue();
        services.GetRequiredService<IWebhookJournal>().Should().BeOfType<RedisWebhookJournal>();
    }

    [Fact]
    public async Task AddRedis_SharedJournalOff_KeepsTheInMemoryJournal()
    {
        await using var services = RedisServices.Build(redis.Server.Configuration, RedisFixture.NewPrefix("journal-off"), static o => o.SharedJournal = false);

        services.GetRequiredService<IWebhookJournal>().GetType().Name.Should().Be("InMemoryWebhookJournal");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddRedis_AppRegisteredItsOwnJournal_KeepsIt(bool beforeAddWebhooks)
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        if (beforeAddWebhooks)
        {
            services.AddSingleton<IWebhookJournal, AppJournal>();
        }

        var builder = services.AddWebhooks();
        if (!beforeAddWebhooks)
        {
            services.AddSingleton<IWebhookJournal, AppJournal>();
        }

        // Act
        builder.AddRedis(o => o.Redis.Configuration = redis.Server.Configuration);
        await using var provider = services.BuildServiceProvider();

        // Assert
        provider.GetRequiredService<IWebhookJournal>().Should().BeOfType<AppJournal>();
    }

    [Fact]
    public async Task SharedJournal_WithMoreEntriesThanAQueryMayRead_FailsValidationNamingTheSetting()
    {
        await using var services = RedisServices.Build(
            redis.Server.Configuration, RedisFixture.NewPrefix("journal-too-big"), webhooks: static o => o.Journal.MaxEntries = 200_000);

        var read = () => services.GetRequiredService<IOptions<RedisWebhookOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:Journal:MaxEntries");
    }

    private sealed class AppJournal : IWebhookJournal
    {
        public long Dropped => 0;

        public void Append(WebhookJournalEntry entry)
        {
        }

        public ValueTask<IReadOnlyList<WebhookJournalEntry>> QueryAsync(WebhookJournalQuery query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<WebhookJournalEntry>>([]);
    }
}
