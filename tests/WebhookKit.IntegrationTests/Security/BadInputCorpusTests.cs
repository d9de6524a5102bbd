using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// The bad-input corpus (<see cref="BadInputCorpus"/>) through real Kestrel on loopback, sent byte for byte: every
/// malformed or hostile request gets its documented status, runs no handler, logs nothing above Warning, and leaks no
/// secret or presented credential into any log line or response. The unusual-but-valid rows are accepted and handled.
/// </summary>
public sealed class BadInputCorpusTests(BadInputCorpusFixture fixture) : IClassFixture<BadInputCorpusFixture>
{
    private static readonly HashSet<int> RejectionEventIds = [4, 5, 6, 7, 11, 12, 73];

    [Fact]
    public void Corpus_HasAtLeastSixtyDistinctRefusedCasesAcrossEveryProvider()
    {
        BadInputCorpus.Refused.Select(c => c.Name).Should().OnlyHaveUniqueItems().And.HaveCountGreaterThanOrEqualTo(60);
        BadInputCorpus.Refused.Select(c => c.Name.Split(':')[0]).Distinct().Should().Contain(
            ["github", "stripe", "gitlab", "gitlab-signed", "standardwebhooks", "svix", "slack", "shopify", "twilio", "billing", "pipeline", .. BadInputCorpus.HmacProviderPrefixes]);
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.RefusedNames), MemberType = typeof(BadInputCorpus))]
    public async Task Post_HostileInput_GetsDocumentedStatusRunsNoHandlerAndLeaksNothing(string name)
    {
        // Arrange
        var @case = BadInputCorpus.Refused.Single(c => c.Name == name);
        var host = fixture.Host;
        await host.WaitForQueueDrainAsync();
        var attemptsBefore = fixture.Probe.Attempts.Count;
        host.Logs.Clear();
        var request = @case.Build(host.Client.BaseAddress!);

        // Act
        var response = await RawHttpConnection.SendAsync(host.Client.BaseAddress!, request.Method, request.PathAndQuery, request.Headers, request.Body, request.SendContentLength);

        // Assert
        response.Status.Should().Be((int)@case.Expected, "the body was {0}", response.BodyText);
        if (request.Method != "HEAD")
        {
            response.HeaderValues("Content-Type").Should().ContainSingle().Which.Should().StartWith("application/problem+json");
            using var problem = JsonDocument.Parse(response.Body);
            problem.RootElement.GetProperty("status").GetInt32().Should().Be((int)@case.Expected);
        }

        if (@case.Expected == HttpStatusCode.MethodNotAllowed)
        {
            response.HeaderValues("Allow").Should().ContainSingle().Which.Should().Be("POST");
        }

        await host.WaitForQueueDrainAsync();
        fixture.Probe.Attempts.Count.Should().Be(attemptsBefore, "a refused delivery never reaches a handler");
        host.LogsWithEventId(1).Should().BeEmpty("a refused delivery is never accepted");

        var logs = host.Logs.GetSnapshot();
        logs.Should().NotContain(record => record.Level > LogLevel.Warning, "hostile input is the sender's problem, not an error of the app");
        logs.Should().Contain(
            record => RejectionEventIds.Contains(record.Id.Id) && (record.Category ?? string.Empty).StartsWith("WebhookKit", StringComparison.Ordinal),
            "every refusal is logged (at Information) with its reason");

        host.ShouldNotLeak(response.BodyText, [.. BadInputCorpus.Secrets, .. PresentedCredentials(request)]);
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.AcceptedNames), MemberType = typeof(BadInputCorpus))]
    public async Task Post_UnusualButValidInput_IsAcceptedAndHandled(string name)
    {
        // Arrange
        var @case = BadInputCorpus.Accepted.Single(c => c.Name == name);
        var host = fixture.Host;
        host.Logs.Clear();
        var request = @case.Build(host.Client.BaseAddress!);

        // Act
        var response = await RawHttpConnection.SendAsync(host.Client.BaseAddress!, request.Method, request.PathAndQuery, request.Headers, request.Body, request.SendContentLength);

        // Assert
        response.Status.Should().Be((int)HttpStatusCode.OK, "the body was {0}", response.BodyText);
        await fixture.Probe.WaitForAsync(@case.EventId!);
        host.Logs.GetSnapshot().Should().NotContain(record => record.Level > LogLevel.Warning);
        host.ShouldNotLeak(response.BodyText, [.. BadInputCorpus.Secrets, .. PresentedCredentials(request)]);
    }

    /// <summary>The credential values the request presented (whole header values, and each Stripe item's value).</summary>
    private static IEnumerable<string> PresentedCredentials(RawRequest request)
    {
        foreach (var (header, value) in request.Headers.Where(h => BadInputCorpus.CredentialHeaders.Contains(h.Name)))
        {
            var trimmed = value.Trim();
            if (trimmed.Length >= 8)
            {
                yield return trimmed;
            }

            foreach (var part in trimmed.Split([',', ' ', '='], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Length >= 16)
                {
                    yield return part;
                }
            }
        }
    }
}
