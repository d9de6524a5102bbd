using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, in its own temporary directory, killed at the end.
/// Without persistence by default; with <c>appendfsync always</c> when a test stops and restarts it and expects
/// every acknowledged write to survive. Also compiled into the dashboard's tests (linked).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("webhookkit-redis-").FullName;
    private readonly bool _durable;
    private readonly string _extraArguments;
    private Process? _process;
    private ConnectionMultiplexer? _client;

    private RedisServer(int port, bool durable, string extraArguments)
    {
        Port = port;
        _durable = durable;
        _extraArguments = extraArguments;
    }

    public int Port { get; }

    /// <summary>The connection string WebhookKit is configured with.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>A connection of the test's own, to look at and change what is in Redis.</summary>
    public IDatabase Database => (_client ??= ConnectionMultiplexer.Connect($"{Configuration},abortConnect=false")).GetDatabase();

    /// <summary>Starts a server; <paramref name="extraArguments"/> are appended to its command line (for example <c>--maxmemory-policy allkeys-lru</c>).</summary>
    public static async Task<RedisServer> StartAsync(bool durable = false, string extraArguments = "")
    {
        var server = new RedisServer(FreePort(), durable, extraArguments);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills the server abruptly (SIGKILL), as a crash or an outage would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the server again on the same port and directory (it reloads its append-only file when durable).</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task StartProcessAsync()
    {
        var executable = FindExecutable("redis-server");
        var arguments = $"--port {Port} --bind 127.0.0.1 --save \"\" --dir {_directory} --protected-mode no "
            + (_durable ? "--appendonly yes --appendfsync always" : "--appendonly no") + " " + _extraArguments;
        _process?.Dispose();
        _process = Process.Start(new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Ready when it answers PING.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] == (byte)'+')
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }
            catch (IOException)
            {
            }

            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port} (exited: {_process.HasExited}).");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The path of <paramref name="name"/> (<c>redis-server</c>, <c>redis-cli</c>); throws when it is not installed, which under
    /// <c>CI=true</c> is a test failure, never a skip.
    /// </summary>
    internal static string FindExecutable(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/local/bin"))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        throw new InvalidOperationException(
            $"{name} was not found on PATH. The WebhookKit.Redis tests (and the dashboard's across instances) need a real Redis: install it with "
            + "'apt-get update && apt-get install -y redis-server' (it brings redis-cli with redis-tools; .ci/run installs it in CI)."
            + (ci ? " CI=true: this is a failure, not a skip." : string.Empty));
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
