namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that measure time or shutdown behaviour run alone, after the parallel tests, so that a noisy
/// machine running other tests at the same time cannot stretch their timings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveTests
{
    public const string Name = "Timing-sensitive";
}
