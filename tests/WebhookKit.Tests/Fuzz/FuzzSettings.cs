using System.Globalization;

namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// How many cases each fuzz property runs: <c>WEBHOOKKIT_FUZZ_ITERATIONS</c>, by default 500 (CI). The long run is
/// <c>WEBHOOKKIT_FUZZ_ITERATIONS=100000 dotnet test tests/WebhookKit.Tests -c Release --filter Category=Fuzz</c>
/// (benchmarks/reliability/run-fuzz.sh). A failure prints CsCheck's seed; rerun it by passing that seed to Sample.
/// </summary>
internal static class FuzzSettings
{
    public const string Category = "Category";
    public const string Fuzz = "Fuzz";
    public const string IterationsVariable = "WEBHOOKKIT_FUZZ_ITERATIONS";
    private const long DefaultIterations = 500;

    public static long Iterations { get; } =
        long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var configured) && configured > 0
            ? configured
            : DefaultIterations;

    /// <summary>The fixed "now" of every fuzzed provider's clock, in Unix seconds.</summary>
    public const long Now = 1_700_000_000;

    /// <summary>The signed-timestamp tolerance of every fuzzed provider.</summary>
    public const int ToleranceSeconds = 300;
}
