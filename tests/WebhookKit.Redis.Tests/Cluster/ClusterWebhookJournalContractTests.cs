using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Cluster;

/// <summary>The journal contract on a three-master Redis Cluster: the journal's keys share the hash tag <c>{journal}</c>, so its script runs on one slot.</summary>
[Collection(RedisClusterTests.Name)]
public sealed class ClusterWebhookJournalContractTests(RedisClusterFixture redis) : RedisJournalContract(redis.Cluster.Configuration);
