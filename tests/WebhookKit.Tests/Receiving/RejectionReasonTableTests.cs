using WebhookKit.Receiving;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Receiving;

/// <summary>
/// docs/rejection-reasons.md has one row per <see cref="WebhookRejectionReason"/>, with its code, and no row for a code
/// that does not exist; the codes are snake case and never change for a member (a renamed member would change its code).
/// </summary>
public sealed class RejectionReasonTableTests
{
    private static readonly string[] TableCodes = [.. File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "rejection-reasons.md"))
        .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
        .Select(line => line[3..line.IndexOf('`', 3)])];

    [Fact]
    public void EveryReason_HasARow()
    {
        var codes = Enum.GetValues<WebhookRejectionReason>().Select(RejectionReasonCodes.Of);

        codes.Should().BeEquivalentTo(TableCodes, "docs/rejection-reasons.md lists every code once, and only those");
        TableCodes.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(WebhookRejectionReason.SignatureMismatch, "signature_mismatch")]
    [InlineData(WebhookRejectionReason.TimestampOutsideTolerance, "timestamp_outside_tolerance")]
    [InlineData(WebhookRejectionReason.JsonSentAsForm, "json_sent_as_form")]
    [InlineData((WebhookRejectionReason)999, "unspecified")]
    public void Code_IsTheSnakeCaseName(WebhookRejectionReason reason, string code) =>
        RejectionReasonCodes.Of(reason).Should().Be(code);

    [Fact]
    public void VerifierFailures_MapToTheReasonOfTheSameName()
    {
        foreach (var failure in Enum.GetValues<WebhookVerificationFailure>().Where(f => f != WebhookVerificationFailure.None))
        {
            var reason = RejectionReasonCodes.Of(failure);
            var expected = failure.ToString().Replace("IdM", "SignedIdM", StringComparison.Ordinal);
            reason.ToString().Should().Be(expected);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WebhookKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (WebhookKit.sln) was not found.");
    }
}
