using System.Buffers;
using System.Security.Cryptography;

namespace WebhookKit.LoadHost;

/// <summary>What the bare and floor endpoints do: the body into one pooled buffer; the HMAC check.</summary>
internal static class Body
{
    public static async ValueTask<(byte[] Buffer, int Length)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 16 * 1024));
        var length = 0;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var sequence = read.Buffer;
            if (length + sequence.Length > buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Max(buffer.Length * 2L, length + sequence.Length));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            sequence.CopyTo(buffer.AsSpan(length));
            length += (int)sequence.Length;
            reader.AdvanceTo(sequence.End);
            if (read.IsCompleted)
            {
                return (buffer, length);
            }
        }
    }

    public static bool SignatureMatches(byte[] key, ReadOnlySpan<byte> body, string header)
    {
        Span<byte> expected = stackalloc byte[32];
        Span<byte> presented = stackalloc byte[32];
        HMACSHA256.HashData(key, body, expected);
        return header.StartsWith("sha256=", StringComparison.Ordinal)
            && Convert.FromHexString(header.AsSpan(7), presented, out _, out var written) == OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
