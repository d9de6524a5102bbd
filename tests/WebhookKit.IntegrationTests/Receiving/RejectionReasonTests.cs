using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Journal;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary>
/// Each refusal carries its stable reason code (docs/rejection-reasons.md) in the journal and in the log line, with a
/// reason that says exactly what was wrong and nothing that helps guess a secret.
/// </summary>
public sealed class RejectionReasonTests
{
    private const string GitHubSecret = "gh-reason-secret-0123456789";
    private const string StripeSecret = "whsec_reason3f8a1c0d9e7b";
    private const string GitLabToken = "glpat-reason-token-7d2e91";

    private static readonly string SigningToken = Signatures.NewSigningToken();

    public static TheoryData<string, string> Cases => new()
    {
        { "no signature header", "signature_missing" },
        { "malformed signature", "signature_malformed" },
        { "wrong secret", "signature_mismatch" },
        { "stale timestamp", "timestamp_outside_tolerance" },
        { "no event type header", "event_type_missing" },
        { "no delivery id header", "event_id_missing" },
        { "form without payload", "form_without_payload" },
        { "JSON sent as a form", "json_sent_as_form" },
        { "body not JSON", "body_not_json" },
        { "JSON without id and type", "event_fields_missing" },
        { "JSON repeating id", "event_fields_repeated" },
        { "failing signature beside a token", "signature_overrides_token" },
        { "event id with control characters", "event_identity_invalid" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_Refused_JournalAndLogCarryTheReasonCode(string scenario, string code)
    {
        // Arrange
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks
            .AddGitHub(o => o.Secrets.Add(GitHubSecret))
            .AddStripe(o => o.Secrets.Add(StripeSecret))
            .AddGitLab(o =>
            {
                o.Secrets.Add(GitLabToken);
                o.SigningTokens.Add(SigningToken);
            }));
        using var request = Request(scenario);
        var presented = request.Headers.TryGetValues("X-Hub-Signature-256", out var values) ? values.First() : "-";

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest);
        var journal = host.GetRequiredService<IWebhookJournal>();
        var entry = (await journal.QueryAsync(new WebhookJournalQuery { Kind = WebhookJournalEntryKind.Received }, CancellationToken.None)).Should().ContainSingle().Subject;
        entry.ReasonCode.Should().Be(code);
        entry.StatusCode.Should().Be((int)response.StatusCode);
        var line = host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 4 || r.Id.Id == 5).Subject.Message;
        line.Should().Contain($"({code})").And.NotContain(GitHubSecret).And.NotContain(StripeSecret).And.NotContain(GitLabToken);
        if (presented != "-")
        {
            line.Should().NotContain(presented);
        }
    }

    [Fact]
    public async Task PostStripe_StaleTimestamp_SaysHowFarOffAndTheTolerance()
    {
        // Arrange
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks.AddStripe(o => o.Secrets.Add(StripeSecret)));
        using var past = Deliveries.Stripe(StripeSecret, Payloads.StripeEvent(Payloads.NewId("evt_")), Signatures.Now() - 3600);
        using var future = Deliveries.Stripe(StripeSecret, Payloads.StripeEvent(Payloads.NewId("evt_")), Signatures.Now() + 7200);

        // Act
        using var pastResponse = await host.Client.SendAsync(past);
        using var futureResponse = await host.Client.SendAsync(future);

        // Assert: whole seconds, either way; a second may tick between signing and judging.
        var lines = host.LogsWithEventId(4).Select(r => r.Message).ToList();
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex(@"\(timestamp_outside_tolerance\): timestamp 36(00|01) s in the past, beyond the tolerance of 300 s\.$");
        lines[1].Should().MatchRegex(@"\(timestamp_outside_tolerance\): timestamp (7200|7199) s in the future, beyond the tolerance of 300 s\.$");
    }

    private static HttpRequestMessage Request(string scenario)
    {
        var id = Payloads.NewId();
        var push = Payloads.GitHubPush(id);
        return scenario switch
        {
            "no signature header" => Deliveries.GitHub(GitHubSecret, id).WithHeader("X-Hub-Signature-256", null),
            "malformed signature" => Deliveries.GitHub(GitHubSecret, id).WithHeader("X-Hub-Signature-256", "sha256=" + new string('z', 64)),
            "wrong secret" => Deliveries.GitHub("not-the-secret-0123456789", id),
            "stale timestamp" => Deliveries.Stripe(StripeSecret, Payloads.StripeEvent(Payloads.NewId("evt_")), Signatures.Now() - 3600),
            "no event type header" => Deliveries.GitHub(GitHubSecret, id).WithHeader("X-GitHub-Event", null),
            "no delivery id header" => Deliveries.GitHub(GitHubSecret, id).WithHeader("X-GitHub-Delivery", null),
            "form without payload" => GitHubForm(id, "other=1"u8.ToArray()),
            "JSON sent as a form" => GitHubForm(id, push),
            "body not JSON" => Deliveries.Stripe(StripeSecret, "not json at all"u8.ToArray()),
            "JSON without id and type" => Deliveries.Stripe(StripeSecret, """{"object":"event"}"""u8.ToArray()),
            "JSON repeating id" => Deliveries.Stripe(StripeSecret, """{"id":"evt_1","id":"evt_2","type":"customer.updated"}"""u8.ToArray()),
            "failing signature beside a token" => Deliveries.GitLabSigned(Signatures.NewSigningToken(), Payloads.NewId("msg_")).WithHeader("X-Gitlab-Token", GitLabToken),
            "event id with control characters" => Deliveries.GitHub(GitHubSecret, "id\u0001with-control"),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "No such scenario."),
        };
    }

    private static HttpRequestMessage GitHubForm(string id, byte[] body) =>
        Deliveries.Post(
            "/webhooks/github",
            body,
            "application/x-www-form-urlencoded",
            ("X-GitHub-Event", "push"),
            ("X-GitHub-Delivery", id),
            ("X-Hub-Signature-256", Signatures.GitHub(GitHubSecret, body)));

    [Fact]
    public void Cases_CoverEveryReasonTheBuiltInProvidersGiveHere()
    {
        // The theory above is the evidence for docs/rejection-reasons.md's rows; each code in it is a real member.
        var codes = Enum.GetNames<WebhookRejectionReason>().Select(SnakeCase).ToHashSet();
        Cases.Select(row => (string)row[1]).Should().OnlyContain(code => codes.Contains(code));
    }

    private static string SnakeCase(string name)
    {
        var code = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && code.Length > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }
}
