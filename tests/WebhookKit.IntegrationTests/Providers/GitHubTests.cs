using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>GitHub end to end (docs/providers.md): signatures, form-encoded deliveries, named receivers, rotation, event routing.</summary>
public sealed class GitHubTests
{
    private const string Secret = "gh-e2e-secret-0f4b";
    private const string OrgBSecret = "gh-org-b-secret-77aa";

    [Fact]
    public async Task Post_FormEncodedDelivery_HandledWithTypedPayloadFromPayloadField()
    {
        // Arrange: GitHub's "application/x-www-form-urlencoded" content type; the signature covers the raw form body.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var json = Payloads.GitHubPush();
        var body = Encoding.ASCII.GetBytes("payload=" + WebUtility.UrlEncode(Encoding.UTF8.GetString(json)));
        var id = Payloads.NewId();
        using var request = Deliveries.Post(
            "/webhooks/github",
            body,
            "application/x-www-form-urlencoded",
            ("X-GitHub-Event", "push"),
            ("X-GitHub-Delivery", id),
            ("X-Hub-Signature-256", Signatures.GitHub(Secret, body)));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        var push = probe.Calls.Should().ContainSingle().Which.Payload.Should().BeOfType<GitHubPushEvent>().Subject;
        push.Ref.Should().Be(Payloads.GitHubPushRef);
        push.Repository!.FullName.Should().Be("Codertocat/Hello-World");
    }

    [Fact]
    public async Task Post_FormEncodedDeliverySignedOverDecodedJson_Returns401()
    {
        // Arrange: a signature over the JSON instead of the raw form body is wrong.
        await using var host = await StartAsync(new HandlerProbe(), o => o.Secrets.Add(Secret));
        var json = Payloads.GitHubPush();
        var body = Encoding.ASCII.GetBytes("payload=" + WebUtility.UrlEncode(Encoding.UTF8.GetString(json)));
        using var request = Deliveries.Post(
            "/webhooks/github",
            body,
            "application/x-www-form-urlencoded",
            ("X-GitHub-Event", "push"),
            ("X-GitHub-Delivery", Payloads.NewId()),
            ("X-Hub-Signature-256", Signatures.GitHub(Secret, json)));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_Sha1OnlyDeliveryByDefault_Returns401()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var body = Payloads.GitHubPush();
        var sha1 = Signatures.GitHubSha1(Secret, body);
        using var request = Deliveries.GitHub(Secret, Payloads.NewId(), body: body)
            .WithHeader("X-Hub-Signature-256", null)
            .WithHeader("X-Hub-Signature", sha1);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, Secret, sha1);
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_Sha1OnlyDeliveryWithAllowSha1Signatures_Returns200AndHandles()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o =>
        {
            o.Secrets.Add(Secret);
            o.AllowSha1Signatures = true;
        });
        var body = Payloads.GitHubPush();
        var id = Payloads.NewId();
        using var request = Deliveries.GitHub(Secret, id, body: body)
            .WithHeader("X-Hub-Signature-256", null)
            .WithHeader("X-Hub-Signature", Signatures.GitHubSha1(Secret, body));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        probe.Calls.Should().ContainSingle().Which.Payload.Should().BeOfType<GitHubPushEvent>();
    }

    [Fact]
    public async Task Post_Sha1SignedWithWrongSecretWithAllowSha1Signatures_Returns401()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe(), o =>
        {
            o.Secrets.Add(Secret);
            o.AllowSha1Signatures = true;
        });
        var body = Payloads.GitHubPush();
        var sha1 = Signatures.GitHubSha1("another-secret", body);
        using var request = Deliveries.GitHub(Secret, Payloads.NewId(), body: body)
            .WithHeader("X-Hub-Signature-256", null)
            .WithHeader("X-Hub-Signature", sha1);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, Secret, sha1);
    }

    [Fact]
    public async Task Post_WrongSha256WithValidSha1AndAllowSha1Signatures_Returns401()
    {
        // Arrange: when X-Hub-Signature-256 is present it decides; a valid SHA-1 cannot rescue a wrong SHA-256.
        await using var host = await StartAsync(new HandlerProbe(), o =>
        {
            o.Secrets.Add(Secret);
            o.AllowSha1Signatures = true;
        });
        var body = Payloads.GitHubPush();
        using var request = Deliveries.GitHub("another-secret", Payloads.NewId(), body: body)
            .WithHeader("X-Hub-Signature", Signatures.GitHubSha1(Secret, body));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_NamedReceiverWithOwnSecret_HandledUnderItsName()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartWithOrgBAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(OrgBSecret, id, receiver: "org-b"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.ReceiverName.Should().Be("org-b");
        call.Provider.Should().Be("github");
    }

    [Fact]
    public async Task Post_DefaultReceiverSecretToNamedReceiver_Returns401()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartWithOrgBAsync(probe);
        using var request = Deliveries.GitHub(Secret, Payloads.NewId(), receiver: "org-b");
        var presented = request.Header("X-Hub-Signature-256");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.LogsWithEventId(4).Should().ContainSingle().Which.Message.Should().Contain("org-b");
        host.ShouldNotLeak(problem, Secret, OrgBSecret, presented);
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_NamedReceiverSecretToDefaultReceiver_Returns401()
    {
        // Arrange
        await using var host = await StartWithOrgBAsync(new HandlerProbe());

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(OrgBSecret, Payloads.NewId()));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SameDeliveryIdToTwoReceivers_HandledByEach()
    {
        // Arrange: idempotency keys are per receiver.
        var probe = new HandlerProbe();
        await using var host = await StartWithOrgBAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var toDefault = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        using var toOrgB = await host.Client.SendAsync(Deliveries.GitHub(OrgBSecret, id, receiver: "org-b"));

        // Assert
        toDefault.StatusCode.Should().Be(HttpStatusCode.OK);
        toOrgB.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(2);
        probe.Calls.Select(call => call.ReceiverName).Should().BeEquivalentTo(["github", "org-b"]);
    }

    [Fact]
    public async Task Post_ReceiverPathInOtherCase_SharesIdempotencyKey()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var id = Payloads.NewId();

        // Act
        using var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, receiver: "GitHub"));
        await probe.WaitForAsync(id);
        using var second = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, receiver: "github"));

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle().Which.ReceiverName.Should().Be("github");
    }

    [Fact]
    public async Task Post_SecretRotationWithTwoSecrets_AcceptsDeliveriesSignedWithEither()
    {
        // Arrange
        const string oldSecret = "gh-old-secret-aa11";
        const string newSecret = "gh-new-secret-bb22";
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o =>
        {
            o.Secrets.Add(oldSecret);
            o.Secrets.Add(newSecret);
        });
        var oldId = Payloads.NewId("old-");
        var newId = Payloads.NewId("new-");

        // Act
        using var signedWithOld = await host.Client.SendAsync(Deliveries.GitHub(oldSecret, oldId));
        using var signedWithNew = await host.Client.SendAsync(Deliveries.GitHub(newSecret, newId));
        using var signedWithNeither = await host.Client.SendAsync(Deliveries.GitHub("retired-secret", Payloads.NewId()));

        // Assert
        signedWithOld.StatusCode.Should().Be(HttpStatusCode.OK);
        signedWithNew.StatusCode.Should().Be(HttpStatusCode.OK);
        await signedWithNeither.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await probe.WaitForAsync(oldId);
        await probe.WaitForAsync(newId);
    }

    [Fact]
    public async Task Post_EventTypeNobodyHandles_Returns200AndRunsNoHandler()
    {
        // Arrange: only a push handler; GitHub sends a sponsorship event.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var sponsorship = Encoding.UTF8.GetBytes("""{"action":"created","sponsorship":{"node_id":"MDExOlNwb25zb3JzaGlw1","tier":{"name":"$5 a month"}},"sender":{"login":"monalisa","id":2}}""");
        var sponsorshipId = Payloads.NewId("sponsorship-");
        var pushId = Payloads.NewId("push-");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, sponsorshipId, "sponsorship", sponsorship));
        using var push = await host.Client.SendAsync(Deliveries.GitHub(Secret, pushId));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        push.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(pushId);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle().Which.EventId.Should().Be(pushId);
        host.LogsWithEventId(3).Should().ContainSingle("the sponsorship is acknowledged as unhandled").Which.Message.Should().Contain(sponsorshipId);
        host.LogsWithEventId(1).Should().ContainSingle("only the push is queued");
    }

    [Fact]
    public async Task Post_UnknownEventTypeWithCatchAllHandler_HandledAsGitHubEvent()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubEvent>>(),
            services => services.AddSingleton(probe));
        var body = Encoding.UTF8.GetBytes("""{"action":"created","brand_new_field":{"x":1},"sender":{"login":"monalisa","id":2}}""");
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, "sponsorship", body));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("sponsorship");
        call.Payload.Should().BeOfType<GitHubEvent>().Which.Action.Should().Be("created");
    }

    [Fact]
    public async Task Post_PushWithTypedAndCatchAllHandlers_RunsBoth()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret))
                .AddHandler<RecordingHandler<GitHubPushEvent>>()
                .AddHandler<RecordingHandler<GitHubEvent>>(),
            services => services.AddSingleton(probe));
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(2);
        probe.Calls.Select(call => call.Handler).Should().BeEquivalentTo([nameof(GitHubPushEvent), nameof(GitHubEvent)]);
    }

    [Fact]
    public async Task Post_SignedDelivery_ForwardsProviderHeadersButNeverTheSignature()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        var headers = probe.Calls.Should().ContainSingle().Which.Headers!;
        headers["X-GitHub-Delivery"].Should().Be(id);
        headers["x-github-event"].Should().Be("push");
        headers["X-GitHub-Hook-ID"].Should().Be("292430182");
        headers.Keys.Should().NotContain(key => key.StartsWith("X-Hub-Signature", StringComparison.OrdinalIgnoreCase));
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<GitHubWebhookOptions> configure) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(configure).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe));

    private static Task<WebhookTestHost> StartWithOrgBAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddGitHub(o => o.Secrets.Add(Secret))
                .AddGitHub("org-b", o => o.Secrets.Add(OrgBSecret))
                .AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe));
}
