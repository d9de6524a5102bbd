using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace WebhookKit.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/WebhookKit.Benchmarks -- --filter '*'</c>.
/// Without a <c>--job</c> argument every benchmark runs with the "Quick" job below (one launch, 3 warm-up and
/// 15 measured iterations of 250 ms), which keeps the whole suite under 10 minutes on 2 cores while leaving
/// enough iterations for a confidence interval and a median that a noisy neighbour moves less than the mean.
/// Pass <c>--job short</c> or <c>--job default</c> to override.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // The build of the benchmark process takes more than BenchmarkDotNet's default 2 minutes on the shared 2 cores
        // when other builds run beside it.
        IConfig config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        if (!args.Any(argument => argument.StartsWith("--job", StringComparison.Ordinal) || argument == "-j"))
        {
            config = config.AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithId("Quick"));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
