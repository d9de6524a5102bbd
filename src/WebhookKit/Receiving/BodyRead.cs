using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// The outcome of reading a request body. When <see cref="Status"/> is <see cref="BodyReadStatus.Read"/>, the caller owns
/// <see cref="Body"/> (the pooled buffer and the unverified bytes reserved for it); otherwise both were given back already.
/// </summary>
internal readonly record struct BodyRead(BodyReadStatus Status, PooledBody? Body);
