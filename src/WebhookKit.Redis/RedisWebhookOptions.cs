using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace WebhookKit.Redis;

/// <summary>
/// Options of WebhookKit's Redis backend, set with <c>AddWebhooks().AddRedis(o => …)</c> and validated at startup.
/// </summary>
/// <remarks>
/// The connection is described by <see cref="Redis"/>, the same <see cref="RedisCacheOptions"/> that
/// <c>AddStackExchangeRedisCache</c> takes: unless you set it here, it is copied from the application's
/// <c>RedisCacheOptions</c>, so Redis is configured once for the distributed cache and the webhooks.
/// An <c>IConnectionMultiplexer</c> registered in the service collection is reused as it is.
/// </remarks>
public sealed class RedisWebhookOptions
{
    /// <summary>
    /// Gets or sets the connection: <see cref="RedisCacheOptions.Configuration"/> or
    /// <see cref="RedisCacheOptions.ConfigurationOptions"/> or <see cref="RedisCacheOptions.ConnectionMultiplexerFactory"/>,
    /// and <see cref="RedisCacheOptions.InstanceName"/> as the prefix of every key WebhookKit writes.
    /// </summary>
    /// <value>A copy of the application's <see cref="RedisCacheOptions"/> (from <c>AddStackExchangeRedisCache</c>), or empty.</value>
    public RedisCacheOptions Redis { get; set; } = new();

    /// <summary>
    /// Gets or sets whether accepted deliveries are queued in Redis Streams (durable, shared by every instance)
    /// instead of in process memory. Without it, Redis holds only the idempotency claims.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool DurableQueue { get; set; }

    /// <summary>
    /// Gets or sets whether the delivery journal (<c>Webhooks:Journal</c>, what the dashboard shows) is kept in Redis,
    /// shared by every instance, instead of in each instance's memory: a dashboard behind a load balancer then shows the
    /// deliveries of all instances. Entries are written in the background, batched, and dropped (counted in
    /// <c>IWebhookJournal.Dropped</c>) rather than waited for. An <c>IWebhookJournal</c> the app registered itself is kept either way.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool SharedJournal { get; set; } = true;

    /// <summary>
    /// Gets or sets into how many partitions (streams) each receiver's deliveries and claims are spread, by a hash of
    /// the event id, or, for providers that do not sign the event id (GitHub, Shopify, GitLab with a token, Twilio), of
    /// the digest of the body, so that a body replayed under a new id meets the first delivery's claims. Each partition
    /// has its own hash tag, so on Redis Cluster the partitions of one receiver can live on different shards; the
    /// receiver's <see cref="WebhookOptions.DeadLetterCapacity"/> is shared out among them. Changing it on a running
    /// system moves claims to other keys: redeliveries of events accepted before the change may be handled again.
    /// </summary>
    /// <value>The default is 1.</value>
    [Range(1, 1024)]
    public int Partitions { get; set; } = 1;

    /// <summary>
    /// Gets or sets how long a delivery read by an instance may go without a sign of life (its instance renews it every
    /// third of this time while handling it) before another instance takes it over. Each renewal also renews the
    /// delivery's idempotency claim for <see cref="WebhookOptions.LeaseDuration"/>, which must be longer than this: the
    /// claim then expires only once no instance holds the delivery, however long its handlers and retries take.
    /// </summary>
    /// <value>The default is 1 minute.</value>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long an idle instance waits before it polls the streams again.</summary>
    /// <value>The default is 100 milliseconds. Deliveries accepted by the same instance wake it at once.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Gets or sets how many deliveries an instance reads ahead of its handlers; they count as in flight for this
    /// instance and are taken over by others if it dies.
    /// </summary>
    /// <value>The default is <see langword="null"/>: 16 times <see cref="WebhookOptions.MaxConcurrency"/>, at least 64.
    /// Each read refills a quarter of it in one round trip, so a small prefetch makes the reader, not the handlers, the limit.</value>
    [Range(1, 10_000)]
    public int? PrefetchCount { get; set; }

    /// <summary>
    /// Gets or sets how long a consumer of the streams' consumer group may go without reading before it is removed
    /// from the group, if it owns no pending delivery. Every instance that stops leaves its consumer behind (each process
    /// has a name of its own), so without this the group grows with every deploy; each instance removes such consumers
    /// on its takeover sweep, never its own, and never one that still owns deliveries (those are taken over first,
    /// after <see cref="VisibilityTimeout"/>). A live instance reads every few <see cref="PollInterval"/>s, and one
    /// removed while idle anyway joins again with its next read.
    /// </summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan IdleConsumerTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how young (by its stream id, on Redis's clock) a new entry must be read for its claims to be left
    /// as its append set them, rather than renewed in the read's round trip; <see langword="null"/>: the smaller of
    /// 1 minute and a quarter of what the lease leaves after a renewal interval. Not an option for users: tests set a
    /// short one and wait past it, to read an entry as one that waited; <see cref="TimeSpan.Zero"/> renews on every read.
    /// </summary>
    internal TimeSpan? FreshReadWindow { get; set; }

    /// <summary>Gets or sets this instance's consumer name in the streams' consumer group.</summary>
    /// <value>The default is <see langword="null"/>: the machine name, the process id and a random suffix, unique per process.</value>
    public string? ConsumerName { get; set; }
}
