using WebhookKit.Receiving;

namespace WebhookKit.Tests.Receiving;

/// <summary>
/// The receive path's one table of outcomes (docs/architecture.md, "Outcomes"): complete, and named by
/// docs/operations.md (metric tags, problem types) and docs/status-codes.md (statuses), so that an outcome added in code
/// cannot be missing from the documentation.
/// </summary>
public sealed class ReceiveOutcomeTableTests
{
    private static readonly string Operations = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md"));
    private static readonly string StatusCodes = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "status-codes.md"));

    [Fact]
    public void EveryOutcome_HasARow_WithAProblemExactlyWhenItAnswersWithOne()
    {
        foreach (var outcome in Enum.GetValues<ReceiveOutcome>())
        {
            var rule = ReceiveOutcomes.Of(outcome);
            rule.Should().NotBeNull(outcome.ToString());
            rule.Metric.Should().MatchRegex("^[a-z_]+$", "{0}'s tag is a bounded, fixed value", outcome);
            (rule.Problem is not null).Should().Be(rule.Answer is ReceiveAnswer.Problem or ReceiveAnswer.ServerStatus, outcome.ToString());
        }
    }

    [Fact]
    public void EveryOutcomeTag_IsListedInTheOperationsDoc()
    {
        var missing = ReceiveOutcomes.All.Select(rule => rule.Metric).Distinct().Where(tag => !Operations.Contains($"`{tag}`", StringComparison.Ordinal));

        missing.Should().BeEmpty("docs/operations.md's webhookkit.deliveries row lists every outcome tag");
    }

    [Fact]
    public void EveryProblemType_IsListedInTheOperationsDoc()
    {
        var names = ReceiveOutcomes.All.Where(rule => rule.Problem is not null).Select(rule => rule.Problem!.Type[WebhookProblem.TypePrefix.Length..]).Distinct();

        var missing = names.Where(name => !Operations.Contains($"`{WebhookProblem.TypePrefix}{name}`", StringComparison.Ordinal) && !Operations.Contains($"`…:{name}`", StringComparison.Ordinal));

        missing.Should().BeEmpty("docs/operations.md's problem-details paragraph lists every type");
    }

    [Fact]
    public void EveryErrorStatus_IsInTheStatusTable()
    {
        var statuses = ReceiveOutcomes.All.Where(rule => rule.Problem is not null).Select(rule => rule.Problem!.Status).Distinct();

        statuses.Where(status => !StatusCodes.Contains($"| {status}", StringComparison.Ordinal)).Should().BeEmpty();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WebhookKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WebhookKit.sln not found above " + AppContext.BaseDirectory);
    }
}
