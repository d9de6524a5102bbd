namespace WebhookKit.Idempotency;

/// <summary>The outcome of <see cref="IIdempotencyStore.TryClaimAsync"/>.</summary>
public enum IdempotencyClaimStatus
{
    /// <summary>The key was absent or expired and is now claimed by the caller.</summary>
    Claimed = 0,

    /// <summary>A delivery with the same key was already handled and is within its retention period.</summary>
    Duplicate = 1,

    /// <summary>A delivery with the same key is claimed and not yet handled.</summary>
    InFlight = 2,
}
