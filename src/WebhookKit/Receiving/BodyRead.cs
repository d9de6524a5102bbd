using System.Buffers;

namespace WebhookKit.Receiving;

/// <summary>
/// A body read into one pooled buffer. When <see cref="Status"/> is <see cref="BodyReadStatus.Read"/> the caller owns
/// <see cref="Buffer"/> (it goes back to <see cref="ArrayPool{T}.Shared"/>) and the <see cref="Reserved"/> bytes of the
/// unverified budget (released once the signature is checked); otherwise both were given back already.
/// </summary>
internal readonly record struct BodyRead(BodyReadStatus Status, byte[]? Buffer, int Length, long Reserved);
