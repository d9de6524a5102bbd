using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>
/// HTTP/1.1 over a plain TCP socket, written byte for byte: what <see cref="HttpClient"/> cannot send (two header lines
/// of the same name, exact whitespace, broken chunk framing, a Content-Length with no body) and what it cannot observe
/// (a response that arrives while the body is still being sent).
/// </summary>
public sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Uri _baseAddress;

    private RawHttpConnection(TcpClient client, Uri baseAddress)
    {
        _client = client;
        _stream = client.GetStream();
        _baseAddress = baseAddress;
    }

    /// <summary>Opens a connection to the server at <paramref name="baseAddress"/>.</summary>
    public static async Task<RawHttpConnection> OpenAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        return new RawHttpConnection(client, baseAddress);
    }

    /// <summary>Sends a whole request on a new connection (closed after the response) and reads the response.</summary>
    public static async Task<RawHttpResponse> SendAsync(
        Uri baseAddress,
        string method,
        string pathAndQuery,
        IEnumerable<(string Name, string Value)> headers,
        byte[] body,
        bool sendContentLength = true)
    {
        await using var connection = await OpenAsync(baseAddress);
        await connection.WriteHeadAsync(method, pathAndQuery, headers, sendContentLength ? body.Length : null);
        try
        {
            await connection.WriteAsync(body);
        }
        catch (IOException)
        {
            // The server answered early (413) and closed the connection while the body was still being written:
            // its answer is already on the wire, read it below.
        }

        return await connection.ReadResponseAsync(headOnly: method == "HEAD");
    }

    /// <summary>Writes the request line and the header lines in order (Host and <c>Connection: close</c> added), then the blank line.</summary>
    public Task WriteHeadAsync(string method, string pathAndQuery, IEnumerable<(string Name, string Value)> headers, long? contentLength)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{method} {pathAndQuery} HTTP/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Host: {_baseAddress.Authority}\r\n");
        foreach (var (name, value) in headers)
        {
            // "Name: value", as clients write it; a value's own leading or trailing whitespace is sent as given.
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (contentLength is { } length)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return WriteAsync(Encoding.UTF8.GetBytes(head.ToString()));
    }

    /// <summary>Writes raw bytes and flushes them.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        await _stream.WriteAsync(bytes, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Reads one response: the head, then a body of its Content-Length (none for HEAD), or to the end of the
    /// connection when it has none.
    /// </summary>
    public async Task<RawHttpResponse> ReadResponseAsync(bool headOnly = false, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HandlerProbe.DefaultTimeout);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await _stream.ReadAsync(chunk, timeout.Token);
            if (read == 0)
            {
                throw new IOException("The server closed the connection before a complete response head.");
            }

            buffer.Write(chunk, 0, read);
        }

        var all = buffer.ToArray();
        var lines = Encoding.ASCII.GetString(all, 0, headEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => (parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : string.Empty))
            .ToList();
        var body = new MemoryStream();
        body.Write(all, headEnd + 4, all.Length - headEnd - 4);

        var contentLength = headers.Where(h => h.Item1.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => (long?)long.Parse(h.Item2, CultureInfo.InvariantCulture))
            .FirstOrDefault();
        if (!headOnly && status >= 200 && status != 204 && status != 304)
        {
            while (contentLength is null || body.Length < contentLength)
            {
                var read = await _stream.ReadAsync(chunk, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                body.Write(chunk, 0, read);
            }
        }

        return new RawHttpResponse(status, headers, body.ToArray());
    }

    /// <summary>Writes <paramref name="bytesPerTick"/> spaces every <paramref name="tick"/> until cancelled or cut off by the server (a slow sender).</summary>
    public async Task TrickleAsync(int bytesPerTick, TimeSpan tick, CancellationToken cancellationToken)
    {
        var bytes = new byte[bytesPerTick];
        Array.Fill(bytes, (byte)' ');
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await WriteAsync(bytes, cancellationToken);
                await Task.Delay(tick, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Cut off by the server, or stopped by the caller.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private static int IndexOfHeadEnd(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("\r\n\r\n"u8);
}
