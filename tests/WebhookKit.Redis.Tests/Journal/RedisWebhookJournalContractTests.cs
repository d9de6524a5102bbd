using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Journal;

/// <summary>The journal contract on the shared Redis journal, against a real redis-server.</summary>
[Collection(RedisTests.Name)]
public sealed class RedisWebhookJournalContractTests(RedisFixture redis) : RedisJournalContract(redis.Server.Configuration);
