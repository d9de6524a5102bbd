using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Stripe;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary>
/// 400 for correctly signed deliveries that lack the event id or type a provider always sends, or whose body
/// cannot be read where the id lives in the body. Nothing is queued and nothing leaks.
/// </summary>
public sealed class BadRequestTests
{
    private const string GitHubSecret = "gh-secret-badreq-81f2";
    private const string StripeSecret = "whsec_badreq0a9b8c7d6e";
    private const string GitLabToken = "gl-token-badreq-19ce";

    [Theory]
    [InlineData("X-GitHub-Delivery")]
    [InlineData("X-GitHub-Event")]
    public async Task PostGitHub_SignedButIdentifyingHeaderMissing_Returns400(string header)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        using var request = Deliveries.GitHub(GitHubSecret, Payloads.NewId()).WithHeader(header, null);
        var presented = request.Header("X-Hub-Signature-256");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        host.LogsWithEventId(5).Should().ContainSingle().Which.Message.Should().Contain(header);
        host.ShouldNotLeak(body, GitHubSecret, presented);
        await AssertNothingQueuedAsync(host, probe);
    }

    [Fact]
    public async Task PostGitHub_FormEncodedWithoutPayloadField_Returns400()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var body = Encoding.ASCII.GetBytes("notpayload=%7B%7D&other=1");
        using var request = Deliveries.Post(
            "/webhooks/github",
            body,
            "application/x-www-form-urlencoded",
            ("X-GitHub-Event", "push"),
            ("X-GitHub-Delivery", Payloads.NewId()),
            ("X-Hub-Signature-256", Signatures.GitHub(GitHubSecret, body)));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        host.ShouldNotLeak(problem, GitHubSecret);
        await AssertNothingQueuedAsync(host, probe);
    }

    [Fact]
    public async Task PostGitLab_AuthenticatedButEventHeaderMissing_Returns400()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        using var request = Deliveries.GitLabToken(GitLabToken, Payloads.NewId()).WithHeader("X-Gitlab-Event", null);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        host.LogsWithEventId(5).Should().ContainSingle().Which.Message.Should().Contain("X-Gitlab-Event");
        host.ShouldNotLeak(body, GitLabToken);
        await AssertNothingQueuedAsync(host, probe);
    }

    [Fact]
    public async Task PostGitLab_AuthenticatedButNoEventId_Returns400()
    {
        // Arrange: none of Idempotency-Key, X-Gitlab-Event-UUID or webhook-id.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        using var request = Deliveries.GitLabToken(GitLabToken, Payloads.NewId()).WithHeader("X-Gitlab-Event-UUID", null);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        host.ShouldNotLeak(body, GitLabToken);
        await AssertNothingQueuedAsync(host, probe);
    }

    [Theory]
    [InlineData("""{"object":"event","type":"customer.updated","data":{"object":{"id":"cus_123"}}}""")]
    [InlineData("""{"id":42,"object":"event","type":"customer.updated"}""")]
    [InlineData("""{"id":"evt_no_type_marker","object":"event"}""")]
    [InlineData("""{"data":{"id":"evt_nested_only"},"type":"customer.updated"}""")]
    public async Task PostStripe_SignedJsonWithoutStringIdOrType_Returns400(string json)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var body = Encoding.UTF8.GetBytes(json);
        using var request = Deliveries.Stripe(StripeSecret, body);
        var presented = request.Header("Stripe-Signature");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        host.ShouldNotLeak(problem, StripeSecret, presented[(presented.IndexOf("v1=", StringComparison.Ordinal) + 3)..]);
        await AssertNothingQueuedAsync(host, probe);
    }

    [Theory]
    [InlineData("""{"id":"evt_truncated","type":"customer.updated","data":{""")]
    [InlineData("not json at all")]
    [InlineData("""["evt_in_an_array"]""")]
    [InlineData("")]
    public async Task PostStripe_SignedUnparsableBody_Returns400(string text)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        using var request = Deliveries.Stripe(StripeSecret, Encoding.UTF8.GetBytes(text));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        host.ShouldNotLeak(problem, StripeSecret);
        await AssertNothingQueuedAsync(host, probe);
    }

    [Fact]
    public async Task PostStripe_SignedInvalidUtf8_Returns400()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        byte[] body = [.. "{\"id\":\"evt_"u8, 0xC3, 0x28, .. "\",\"type\":\"x\"}"u8];
        using var request = Deliveries.Stripe(StripeSecret, body);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        host.ShouldNotLeak(problem, StripeSecret);
        await AssertNothingQueuedAsync(host, probe);
    }

    private static async Task AssertNothingQueuedAsync(WebhookTestHost host, HandlerProbe probe)
    {
        await host.WaitForQueueDrainAsync();
        host.LogsWithEventId(1).Should().BeEmpty("a rejected delivery is never accepted");
        probe.Attempts.Should().BeEmpty();
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddGitHub(o => o.Secrets.Add(GitHubSecret))
                .AddStripe(o => o.Secrets.Add(StripeSecret))
                .AddGitLab(o => o.Secrets.Add(GitLabToken))
                .AddHandler<RecordingHandler<GitHubPushEvent>>()
                .AddHandler<RecordingHandler<StripeEvent>>()
                .AddHandler<RecordingHandler<GitLabPushEvent>>(),
            services => services.AddSingleton(probe));
}
