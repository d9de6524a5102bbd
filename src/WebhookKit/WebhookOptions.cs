using System.ComponentModel.DataAnnotations;

namespace WebhookKit;

/// <summary>
/// Options shared by every receiver: limits, queue, dispatch and idempotency. Bound from the
/// <c>Webhooks</c> configuration section by <c>AddWebhooks()</c> and validated at startup.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>The body limit of a receiver whose provider documents no cap, when <see cref="MaxBodyBytes"/> is not set: 5 MiB.</summary>
    public const long DefaultMaxBodyBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the largest request body accepted, in bytes, by every receiver without a limit of its own
    /// (<see cref="WebhookReceiverOptions.MaxBodyBytes"/>); larger deliveries get 413.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>: each receiver's provider's documented cap (GitHub: 25 MiB), or
    /// <see cref="DefaultMaxBodyBytes"/> (5 MiB) for a provider that documents none.
    /// </value>
    [Range(1, int.MaxValue)]
    public long? MaxBodyBytes { get; set; }

    /// <summary>The most UTF-8 bytes an event id or event type may have; a delivery with a longer one gets 400.</summary>
    /// <remarks>
    /// Ids and types often come from headers nobody signs (GitHub's <c>X-GitHub-Delivery</c>), and an id becomes an
    /// idempotency key kept for <see cref="RetentionDuration"/>: the bound keeps a sender from storing kilobytes per key.
    /// Ids and types with control characters are refused with 400 as well, so that they cannot forge log lines.
    /// </remarks>
    public const int MaxEventIdBytes = 256;

    /// <summary>
    /// Gets or sets the most bytes of request buffers held, across all requests at once, for bodies that are still
    /// arriving or being verified. A request that would take more gets 503 with <c>Retry-After</c>. A body's buffer
    /// starts small (16 KiB, or its <c>Content-Length</c> when smaller) and grows with the bytes that actually arrive,
    /// never with what a sender announces, so slow senders that announce large bodies hold little; this bound caps
    /// what many of them hold together. Counted as the buffer sizes requested (the pool may round a large one up to the
    /// next power of two); a body stops counting once its signature has been checked.
    /// </summary>
    /// <value>The default is 64 MiB. It must be at least <see cref="MaxBodyBytes"/>.</value>
    [Range(1, long.MaxValue)]
    public long MaxUnverifiedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets the largest number of accepted deliveries waiting or being handled; beyond it deliveries get 503.</summary>
    /// <value>The default is 10,000.</value>
    [Range(1, int.MaxValue)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets the largest number of bytes held by accepted deliveries waiting or being handled; beyond it deliveries get 503.</summary>
    /// <value>The default is 128 MiB. It must be at least <see cref="MaxBodyBytes"/>.</value>
    [Range(1, long.MaxValue)]
    public long QueueMaxBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Gets or sets how many deliveries the dispatcher handles at once.</summary>
    /// <value>The default is 4.</value>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Gets or sets how many times a handler is tried before the delivery is dead-lettered.</summary>
    /// <value>The default is 5.</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the delay before the first retry; later retries back off exponentially, with jitter.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between two attempts.</summary>
    /// <value>The default is 1 minute.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how long an accepted delivery's idempotency claim holds while it is queued and handled.
    /// It must outlive the longest expected handling, retries included; when it expires the event can be accepted again.
    /// </summary>
    /// <value>The default is 30 minutes.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how long a handled event is remembered, so that redeliveries are acknowledged as duplicates.</summary>
    /// <value>The default is 3 days, which covers GitHub's, Stripe's and GitLab's redelivery windows.</value>
    public TimeSpan RetentionDuration { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Gets or sets how many dead letters the dead-letter store keeps per receiver; beyond it the receiver's oldest
    /// dead letter is evicted (and logged). The bound is per receiver so that one receiver flooding dead letters
    /// cannot evict another's: the in-memory store holds up to this many for each receiver (the Redis store, for each
    /// of a receiver's partitions).
    /// </summary>
    /// <value>The default is 1,000.</value>
    [Range(1, int.MaxValue)]
    public int DeadLetterCapacity { get; set; } = 1_000;

    /// <summary>
    /// Gets or sets how long the webhooks health check reports <c>Degraded</c> after a delivery was dead-lettered: the same
    /// answer to every caller within the window (a probe and a monitor both see it), Healthy again once it has passed
    /// without another dead letter.
    /// </summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan DeadLetterHealthWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets what the delivery journal keeps and for how long (<c>Webhooks:Journal</c>; docs/operations.md, "Delivery journal").</summary>
    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public WebhookKit.Journal.WebhookJournalOptions Journal { get; } = new();

    /// <summary>Gets or sets the <c>Retry-After</c> sent with 503 responses.</summary>
    /// <value>The default is 10 seconds.</value>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the slowest rate, in bytes per second, at which a delivery's body may arrive once
    /// <see cref="MinRequestBodyDataRateGracePeriod"/> has passed (slow-client protection). A slower sender is cut off
    /// with 408 and counted with the outcome <c>too_slow</c>. Applied to each HTTP/1.x webhook request through the
    /// server's <c>IHttpMinRequestBodyDataRateFeature</c> (Kestrel), whatever the server-wide limit is; 0 turns the
    /// minimum off. HTTP/2 and HTTP/3 requests keep Kestrel's server-wide <c>KestrelServerLimits.MinRequestBodyDataRate</c>,
    /// since Kestrel does not support a per-request rate for them.
    /// </summary>
    /// <value>The default is 240 bytes per second, Kestrel's own default.</value>
    [Range(0d, 1_000_000_000d)]
    public double MinRequestBodyDataRate { get; set; } = 240;

    /// <summary>
    /// Gets or sets how long a delivery's body may arrive slower than <see cref="MinRequestBodyDataRate"/> before it is
    /// cut off. It must be more than 1 second (the server checks the rate once a second).
    /// </summary>
    /// <value>The default is 5 seconds, Kestrel's own default.</value>
    public TimeSpan MinRequestBodyDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
