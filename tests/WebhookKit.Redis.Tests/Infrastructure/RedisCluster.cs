using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>
/// A real Redis Cluster of three masters (no replicas) on loopback: three <c>redis-server --cluster-enabled yes</c>, each a
/// <see cref="RedisServer"/> on free ports in its own temporary directory, joined with <c>redis-cli --cluster create</c> and
/// ready once <c>CLUSTER INFO</c> says <c>cluster_state:ok</c> on every node. Killed, and their directories deleted, at the
/// end. A missing <c>redis-server</c> or <c>redis-cli</c> throws (under <c>CI=true</c> a failure, never a skip).
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private const int Masters = 3;
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(60);

    private readonly RedisServer[] _nodes;
    private readonly string[] _nodeIds;
    private ConnectionMultiplexer? _client;

    private RedisCluster(RedisServer[] nodes, string[] nodeIds)
    {
        _nodes = nodes;
        _nodeIds = nodeIds;
    }

    public IReadOnlyList<RedisServer> Nodes => _nodes;

    /// <summary>The connection string WebhookKit is configured with: every master (StackExchange.Redis discovers the cluster).</summary>
    public string Configuration => string.Join(',', _nodes.Select(static node => node.Configuration));

    /// <summary>The test's own connection, in admin mode (for <c>CLUSTER</c> and <c>MIGRATE</c> on one node).</summary>
    public ConnectionMultiplexer Client => _client ??= ConnectionMultiplexer.Connect($"{Configuration},abortConnect=false,allowAdmin=true");

    /// <summary>A database of <see cref="Client"/>: commands go to the master of their key's slot.</summary>
    public IDatabase Database => Client.GetDatabase();

    public static async Task<RedisCluster> StartAsync()
    {
        var cli = RedisServer.FindExecutable("redis-cli"); // Before any server starts: a missing redis-cli fails at once.
        var nodes = new List<RedisServer>(Masters);
        try
        {
            for (var i = 0; i < Masters; i++)
            {
                // The cluster bus gets a free port of its own (the default, port + 10000, may be taken or out of range).
                nodes.Add(await RedisServer.StartAsync(extraArguments: $"--cluster-enabled yes --cluster-config-file nodes.conf --cluster-port {RedisServer.FreePort()} --cluster-node-timeout 5000"));
            }

            await RunAsync(cli, ["--cluster", "create", .. nodes.Select(static node => node.Configuration), "--cluster-replicas", "0", "--cluster-yes"]);
            var ids = new string[Masters];
            for (var i = 0; i < Masters; i++)
            {
                ids[i] = (await RunAsync(cli, ["-h", "127.0.0.1", "-p", Port(nodes[i]), "CLUSTER", "MYID"])).Trim();
            }

            var cluster = new RedisCluster([.. nodes], ids);
            await cluster.WaitUntilOkAsync(cli);
            return cluster;
        }
        catch
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The master that serves <paramref name="slot"/> now, as that master itself says (<c>CLUSTER NODES</c>, its <c>myself</c> line).</summary>
    public async Task<int> OwnerOfAsync(int slot)
    {
        for (var i = 0; i < Masters; i++)
        {
            var nodes = (string)(await Server(i).ExecuteAsync("CLUSTER", "NODES"))!;
            var myself = nodes.Split('\n').Single(static line => line.Contains("myself", StringComparison.Ordinal));
            foreach (var range in myself.Split(' ').Skip(8).Where(static part => part.Length > 0 && part[0] != '['))
            {
                var bounds = range.Split('-');
                var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                var last = bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
                if (slot >= first && slot <= last)
                {
                    return i;
                }
            }
        }

        throw new InvalidOperationException($"No master serves slot {slot}.");
    }

    /// <summary>How many keys <paramref name="slot"/> holds (<c>CLUSTER COUNTKEYSINSLOT</c> on the master that serves it).</summary>
    public async Task<int> CountKeysInSlotAsync(int slot) =>
        (int)await Server(await OwnerOfAsync(slot)).ExecuteAsync("CLUSTER", "COUNTKEYSINSLOT", slot);

    /// <summary>The keys of master <paramref name="node"/> that match <paramref name="pattern"/> (<c>SCAN</c> on that node alone).</summary>
    public IReadOnlyList<string> KeysOn(int node, string pattern) =>
        [.. Server(node).Keys(pattern: pattern, pageSize: 1000).Select(static key => (string)key!)];

    /// <summary>
    /// Moves <paramref name="slot"/> to master <paramref name="to"/> while it is in use, the way <c>redis-cli --cluster reshard</c>
    /// does: <c>SETSLOT IMPORTING</c> on the target, <c>MIGRATING</c> on the source, then <c>MIGRATE</c> of
    /// <paramref name="keysPerBatch"/> keys at a time (waiting <paramref name="pause"/> in between, so that clients meet the
    /// slot half moved: ASK redirections and TRYAGAIN for commands whose keys are split), and <c>SETSLOT NODE</c> on every
    /// master. <paramref name="halfway"/>, when given, runs after the first batch moved, and the migration goes on once it
    /// returns. Returns how many keys were moved.
    /// </summary>
    public async Task<int> MigrateSlotAsync(int slot, int to, int keysPerBatch, TimeSpan pause, Func<Task>? halfway = null)
    {
        var from = await OwnerOfAsync(slot);
        if (from == to)
        {
            throw new ArgumentException($"Slot {slot} is already on master {to}.", nameof(to));
        }

        var source = Server(from);
        var target = Server(to);
        await target.ExecuteAsync("CLUSTER", "SETSLOT", slot, "IMPORTING", _nodeIds[from]);
        await source.ExecuteAsync("CLUSTER", "SETSLOT", slot, "MIGRATING", _nodeIds[to]);
        var moved = 0;
        while (true)
        {
            var keys = (RedisResult[])(await source.ExecuteAsync("CLUSTER", "GETKEYSINSLOT", slot, keysPerBatch))!;
            if (keys.Length == 0)
            {
                break;
            }

            object[] migrate = ["127.0.0.1", _nodes[to].Port, string.Empty, 0, 10_000, "KEYS", .. keys.Select(static key => (object)(string)key!)];
            var reply = (string?)await source.ExecuteAsync("MIGRATE", migrate);
            if (reply is not ("OK" or "NOKEY"))
            {
                throw new InvalidOperationException($"MIGRATE of slot {slot} answered {reply}.");
            }

            if (moved == 0 && halfway is not null)
            {
                await halfway();
            }

            moved += keys.Length;
            await Task.Delay(pause);
        }

        // The target first, as redis-cli does: once the source lets go, the target already owns the slot.
        await target.ExecuteAsync("CLUSTER", "SETSLOT", slot, "NODE", _nodeIds[to]);
        await source.ExecuteAsync("CLUSTER", "SETSLOT", slot, "NODE", _nodeIds[to]);
        for (var i = 0; i < Masters; i++)
        {
            if (i != from && i != to)
            {
                await Server(i).ExecuteAsync("CLUSTER", "SETSLOT", slot, "NODE", _nodeIds[to]);
            }
        }

        return moved;
    }

    /// <summary>The test's connection to master <paramref name="node"/> alone (admin commands, <c>CONFIG SET</c>).</summary>
    public IServer Server(int node) => Client.GetServer("127.0.0.1", _nodes[node].Port);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }


    private async Task WaitUntilOkAsync(string cli)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var node in _nodes)
        {
            while (true)
            {
                var info = await RunAsync(cli, ["-h", "127.0.0.1", "-p", Port(node), "CLUSTER", "INFO"]);
                if (info.Contains("cluster_state:ok", StringComparison.Ordinal)
                    && info.Contains($"cluster_known_nodes:{Masters}", StringComparison.Ordinal)
                    && info.Contains("cluster_slots_ok:16384", StringComparison.Ordinal))
                {
                    break;
                }

                if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException($"The Redis Cluster did not become ok on port {node.Port}:\n{info}");
                }

                await Task.Delay(50);
            }
        }
    }

    private static string Port(RedisServer node) => node.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs redis-cli and returns its output; throws when it fails or hangs.</summary>
    private static async Task<string> RunAsync(string cli, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CliTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"redis-cli {string.Join(' ', start.ArgumentList)} did not finish within {CliTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }
}
