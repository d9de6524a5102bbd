using System.Buffers;
using Microsoft.AspNetCore.Http;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// Reads a request body once, as bytes, into a pooled buffer that grows with the bytes that arrive: it starts at
/// 16 KiB (or the announced <c>Content-Length</c> when smaller) and doubles, never past the announced length or
/// <see cref="WebhookOptions.MaxBodyBytes"/>. What a sender announces costs nothing until it is sent. A whole body
/// becomes a <see cref="PooledBody"/>, which owns the buffer and the bytes reserved for it.
/// </summary>
internal static class RequestBodyReader
{
    public const int InitialBufferBytes = 16 * 1024;

    public static async ValueTask<BodyRead> ReadAsync(HttpRequest request, long maxBytes, UnverifiedBodyBudget budget, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;

        // Kestrel ends a body at its Content-Length, so the buffer never needs more; a chunked body may reach maxBytes.
        var ceiling = Math.Min(request.ContentLength ?? maxBytes, maxBytes);
        long capacity = Math.Max(1, Math.Min(ceiling, InitialBufferBytes));
        if (!budget.TryReserve(capacity))
        {
            return new BodyRead(BodyReadStatus.OverBudget, null);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)capacity);
        var length = 0;
        var handedOver = false; // Until the whole body is read, the buffer and the reservation are given back on every way out.
        try
        {
            while (true)
            {
                if (!reader.TryRead(out var read))
                {
                    read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }

                var sequence = read.Buffer;
                var needed = length + sequence.Length;
                if (needed > maxBytes)
                {
                    reader.AdvanceTo(sequence.End);
                    return new BodyRead(BodyReadStatus.TooLarge, null);
                }

                if (needed > buffer.Length)
                {
                    // Doubling keeps the copies linear in the bytes received.
                    var next = Math.Min(Math.Max(capacity * 2, needed), Math.Max(ceiling, needed));
                    if (!budget.TryReserve(next - capacity))
                    {
                        reader.AdvanceTo(sequence.Start);
                        return new BodyRead(BodyReadStatus.OverBudget, null);
                    }

                    capacity = next;
                    var larger = ArrayPool<byte>.Shared.Rent((int)next);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                sequence.CopyTo(buffer.AsSpan(length));
                length = (int)needed;
                reader.AdvanceTo(sequence.End);

                if (read.IsCompleted)
                {
                    handedOver = true;
                    return new BodyRead(BodyReadStatus.Read, new PooledBody(buffer, length, ArrayPool<byte>.Shared, budget, capacity));
                }
            }
        }
        finally
        {
            if (!handedOver)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                budget.Release(capacity);
            }
        }
    }
}
