using System.Net;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>
/// A body of unknown length, so HttpClient sends it with <c>Transfer-Encoding: chunked</c> and no
/// <c>Content-Length</c>: the server can only find out how large it is while streaming it.
/// </summary>
public sealed class ChunkedContent(byte[] body, int chunkSize) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
