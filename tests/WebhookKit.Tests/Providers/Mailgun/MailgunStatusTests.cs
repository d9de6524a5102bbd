using System.Text.RegularExpressions;
using WebhookKit.Receiving;

namespace WebhookKit.Tests.Providers.Mailgun;

/// <summary>
/// Mailgun retries every status but 406, which it takes as "rejected, do not retry": no outcome may answer 406 (a
/// delivery refused by mistake would be lost), and docs/providers.md's "What Mailgun sees" names every status the
/// receive path can answer.
/// </summary>
public sealed class MailgunStatusTests
{
    private static readonly string Providers = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "providers.md"));

    private static IEnumerable<int> AnsweredStatuses =>
        ReceiveOutcomes.All.Where(rule => rule.Problem is not null).Select(rule => rule.Problem!.Status).Append(200).Distinct();

    [Fact]
    public void NoOutcome_Answers406()
    {
        AnsweredStatuses.Should().NotContain(406, "Mailgun drops a delivery answered 406 without retrying it");
    }

    [Fact]
    public void WhatMailgunSees_NamesEveryStatusTheReceivePathAnswers()
    {
        var start = Providers.IndexOf("**What Mailgun sees:**", StringComparison.Ordinal);
        start.Should().BePositive("docs/providers.md has the paragraph");
        var paragraph = Providers[start..Providers.IndexOf("406", start, StringComparison.Ordinal)];

        var missing = AnsweredStatuses.Where(status => !Regex.IsMatch(paragraph, $@"\b{status}\b"));

        missing.Should().BeEmpty("the paragraph lists what Mailgun may be answered, and so whether it retries");
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
