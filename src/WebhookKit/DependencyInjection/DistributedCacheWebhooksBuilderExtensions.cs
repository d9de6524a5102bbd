using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookKit;
using WebhookKit.Idempotency;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a best-effort idempotency store over the application's <see cref="IDistributedCache"/>.</summary>
public static class DistributedCacheWebhooksBuilderExtensions
{
    /// <summary>
    /// Stores idempotency claims in the registered <see cref="IDistributedCache"/> (SQL Server, Postgres, NCache, …),
    /// for apps whose only store shared by their instances is a distributed cache.
    /// </summary>
    /// <remarks>
    /// Best effort: <see cref="IDistributedCache"/> has no atomic add, so two instances that receive the same event at
    /// the same moment can both claim it and its handler runs twice. Redeliveries seconds or days apart are recognised.
    /// The keys of one delivery (its event id's and, for providers that do not sign the event id, its body digest's) are
    /// not claimed atomically either: they are checked, written and read back, and rolled back when another writer took one.
    /// With Redis, use <c>AddRedis</c> of the WebhookKit.Redis package instead, whose claims are atomic. Register the
    /// <see cref="IDistributedCache"/> itself as usual (<c>AddDistributedSqlServerCache</c>, …); nothing here is Redis-specific.
    /// </remarks>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddDistributedCacheIdempotency(this IWebhooksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IIdempotencyStore>();
        builder.Services.AddSingleton<IIdempotencyStore, DistributedCacheIdempotencyStore>();
        return builder;
    }
}
