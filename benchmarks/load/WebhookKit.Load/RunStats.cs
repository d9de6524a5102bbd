using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

/// <summary>
/// What one run cost (<c>--stats</c>): CPU and allocation of this process (load generator, Kestrel and WebhookKit
/// together), CPU of <c>redis-server</c> (its own <c>INFO cpu</c>), and Redis <c>INFO commandstats</c>, each per delivery. Commands a
/// script or a transaction runs are counted on their own as well as in their <c>EVALSHA</c> or <c>EXEC</c>, so the
/// rows overlap: read the scripts and top-level commands for the time, the inner commands for what the scripts do.
/// </summary>
internal sealed class RunStats
{
    private readonly IServer? _server;
    private TimeSpan _appCpu;
    private long _allocated;
    private TimeSpan _paused;
    private int[] _collections = [];
    private double _redisCpu;
    private (long App, long Redis) _switches;
    private int? _redisPid;
    private Dictionary<string, (long Calls, long Usec)> _commands = [];

    private RunStats(IServer? server) => _server = server;

    /// <summary>Starts counting; <paramref name="server"/> is null in a run without Redis.</summary>
    public static async Task<RunStats> StartAsync(IServer? server)
    {
        var stats = new RunStats(server);
        if (server is not null && Parse(await server.InfoRawAsync("server")).TryGetValue("process_id", out var pid) && Directory.Exists($"/proc/{pid}"))
        {
            stats._redisPid = int.Parse(pid, CultureInfo.InvariantCulture); // Local: its context switches can be read too.
        }

        stats._switches = stats.ContextSwitches();
        (stats._appCpu, stats._redisCpu, stats._commands) = await stats.SnapshotAsync();
        (stats._allocated, stats._collections, stats._paused) = Memory();
        return stats;
    }

    /// <summary>Describes what the run cost since <see cref="StartAsync"/>, per delivery (lines to print).</summary>
    public async Task<string> ReportAsync(int deliveries, TimeSpan elapsed)
    {
        var report = new System.Text.StringBuilder();
        var (appCpu, redisCpu, commands) = await SnapshotAsync();
        var app = (appCpu - _appCpu).TotalSeconds;
        var server = redisCpu - _redisCpu;
        var (allocated, collections, paused) = Memory();
        var switches = ContextSwitches();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  CPU per delivery: app {app * 1e6 / deliveries:F1} µs, redis-server {server * 1e6 / deliveries:F1} µs; cores busy: app {app / elapsed.TotalSeconds:F2}, redis-server {server / elapsed.TotalSeconds:F2}; app allocated {(double)(allocated - _allocated) / deliveries:N0} B per delivery, collections gen0/1/2 {collections[0] - _collections[0]}/{collections[1] - _collections[1]}/{collections[2] - _collections[2]}, paused {(paused - _paused).TotalMilliseconds * 1000 / deliveries:F1} µs per delivery; context switches per delivery: app {(double)(switches.App - _switches.App) / deliveries:F2}, redis-server {(double)(switches.Redis - _switches.Redis) / deliveries:F2}"));
        if (_server is null)
        {
            return report.ToString();
        }

        report.AppendLine("  | command | calls per delivery | µs per call | µs per delivery |");
        report.AppendLine("  | --- | ---: | ---: | ---: |");
        foreach (var (command, (calls, usec)) in commands
            .Select(pair => (pair.Key, (pair.Value.Calls - _commands.GetValueOrDefault(pair.Key).Calls, pair.Value.Usec - _commands.GetValueOrDefault(pair.Key).Usec)))
            .Where(row => row.Item2.Item1 > 0)
            .OrderByDescending(row => row.Item2.Item2))
        {
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  | {command} | {(double)calls / deliveries:F3} | {(double)usec / calls:F2} | {(double)usec / deliveries:F2} |"));
        }

        return report.ToString();
    }

    private async Task<(TimeSpan App, double Redis, Dictionary<string, (long Calls, long Usec)> Commands)> SnapshotAsync()
    {
        var app = Process.GetCurrentProcess().TotalProcessorTime;
        if (_server is null)
        {
            return (app, 0, []);
        }

        var cpu = Parse(await _server.InfoRawAsync("cpu"));
        var redis = double.Parse(cpu["used_cpu_sys"], CultureInfo.InvariantCulture) + double.Parse(cpu["used_cpu_user"], CultureInfo.InvariantCulture);
        var commands = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var (key, value) in Parse(await _server.InfoRawAsync("commandstats")))
        {
            // cmdstat_evalsha:calls=12,usec=345,usec_per_call=28.75,rejected_calls=0,failed_calls=0
            var fields = value.Split(',').Select(field => field.Split('=')).ToDictionary(field => field[0], field => field[1], StringComparer.Ordinal);
            commands[key["cmdstat_".Length..]] = (long.Parse(fields["calls"], CultureInfo.InvariantCulture), long.Parse(fields["usec"], CultureInfo.InvariantCulture));
        }

        return (app, redis, commands);
    }

    /// <summary>Voluntary and involuntary context switches of every thread of this process and of a local redis-server (0 where /proc has none).</summary>
    private (long App, long Redis) ContextSwitches() => (Switches(Environment.ProcessId), _redisPid is { } pid ? Switches(pid) : 0);

    private static long Switches(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return 0;
        }

        long total = 0;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return total;
    }

    private static (long Allocated, int[] Collections, TimeSpan Paused) Memory() =>
        (GC.GetTotalAllocatedBytes(precise: false), [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)], GC.GetTotalPauseDuration());

    private static Dictionary<string, string> Parse(string? info) =>
        (info ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#') && line.Contains(':', StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOf(':', StringComparison.Ordinal)], line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
}
