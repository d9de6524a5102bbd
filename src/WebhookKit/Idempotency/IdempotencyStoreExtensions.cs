namespace WebhookKit.Idempotency;

/// <summary>Single-key overloads of <see cref="IIdempotencyStore"/>'s operations.</summary>
public static class IdempotencyStoreExtensions
{
    /// <summary>Atomically claims <paramref name="key"/> for <paramref name="owner"/> if it is absent or expired.</summary>
    /// <param name="store">The store.</param>
    /// <param name="key">The idempotency key.</param>
    /// <param name="owner">A value unique to the delivery.</param>
    /// <param name="lease">How long the claim holds before the key becomes claimable again.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the key was claimed, or why not.</returns>
    public static ValueTask<IdempotencyClaimStatus> TryClaimAsync(this IIdempotencyStore store, string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.TryClaimAsync([key], owner, lease, cancellationToken);
    }

    /// <summary>Marks a claimed key as completed and keeps it for <paramref name="retention"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="key">The idempotency key.</param>
    /// <param name="owner">The owner that claimed the key.</param>
    /// <param name="retention">How long redeliveries are recognised as duplicates.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is marked.</returns>
    public static ValueTask CompleteAsync(this IIdempotencyStore store, string key, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.CompleteAsync([key], owner, retention, cancellationToken);
    }

    /// <summary>Marks a claimed key as queued and extends its lease.</summary>
    /// <param name="store">The store.</param>
    /// <param name="key">The idempotency key.</param>
    /// <param name="owner">The owner that claimed the key.</param>
    /// <param name="lease">The lease from now on.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the owner still held the key.</returns>
    public static ValueTask<bool> RenewAsync(this IIdempotencyStore store, string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.RenewAsync([key], owner, lease, cancellationToken);
    }

    /// <summary>Releases a claim so that the next delivery of the same event is accepted again.</summary>
    /// <param name="store">The store.</param>
    /// <param name="key">The idempotency key.</param>
    /// <param name="owner">The owner that claimed the key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is released.</returns>
    public static ValueTask ReleaseAsync(this IIdempotencyStore store, string key, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ReleaseAsync([key], owner, cancellationToken);
    }
}
