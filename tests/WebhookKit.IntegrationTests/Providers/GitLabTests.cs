using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitLab;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// GitLab end to end (docs/providers.md): the secret token, Standard Webhooks signing tokens (alone and together with a
/// token; a present signature is the only proof), and, for token deliveries, the event id precedence Idempotency-Key,
/// then X-Gitlab-Event-UUID, then webhook-id (signed deliveries: <see cref="GitLabSignedReplayTests"/>).
/// </summary>
public sealed class GitLabTests
{
    private const string Token = "gl-e2e-token-6a0c";

    [Fact]
    public async Task Post_ValidToken_HandledWithTypedPushPayload()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Token));
        var uuid = Guid.NewGuid().ToString();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitLabToken(Token, uuid));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(uuid);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("Push Hook");
        var push = call.Payload.Should().BeOfType<GitLabPushEvent>().Subject;
        push.Ref.Should().Be(Payloads.GitLabPushRef);
        push.ObjectKind.Should().Be("push");
        call.Headers!.Keys.Should().NotContain(key => key.Equals("X-Gitlab-Token", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Post_SecondOfTwoTokens_Returns200()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o =>
        {
            o.Secrets.Add("gl-first-token-0123456789");
            o.Secrets.Add(Token);
        });
        var uuid = Guid.NewGuid().ToString();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitLabToken(Token, uuid));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(uuid);
    }

    [Fact]
    public async Task Post_SigningTokenOnlyReceiverWithTokenHeaderAlone_Returns401()
    {
        // Arrange: even the signing token itself, sent as a plain token, proves nothing.
        var signingToken = Signatures.NewSigningToken();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.SigningTokens.Add(signingToken));
        using var request = Deliveries.GitLabToken(signingToken, Guid.NewGuid().ToString());

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, signingToken, signingToken["whsec_".Length..]);
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_SigningTokenOnlyReceiverWithValidSignature_Returns200AndHandles()
    {
        // Arrange
        var signingToken = Signatures.NewSigningToken();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.SigningTokens.Add(signingToken));
        var webhookId = Payloads.NewId("msg_");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitLabSigned(signingToken, webhookId));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(webhookId);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.Payload.Should().BeOfType<GitLabPushEvent>().Which.Ref.Should().Be(Payloads.GitLabPushRef);
        call.Headers!["webhook-id"].Should().Be(webhookId);
        call.Headers.Keys.Should().NotContain(key => key.Equals("webhook-signature", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Post_SigningTokenOnlyReceiverWithSignatureFromOtherToken_Returns401()
    {
        // Arrange
        var signingToken = Signatures.NewSigningToken();
        await using var host = await StartAsync(new HandlerProbe(), o => o.SigningTokens.Add(signingToken));
        using var request = Deliveries.GitLabSigned(Signatures.NewSigningToken(), Payloads.NewId("msg_"));
        var presented = request.Header("webhook-signature");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, signingToken, presented["v1,".Length..]);
    }

    [Fact]
    public async Task Post_SignatureOverOtherWebhookId_Returns401()
    {
        // Arrange: the webhook-id is signed, so it cannot be swapped to dodge deduplication.
        var signingToken = Signatures.NewSigningToken();
        await using var host = await StartAsync(new HandlerProbe(), o => o.SigningTokens.Add(signingToken));
        using var request = Deliveries.GitLabSigned(signingToken, "msg_original").WithHeader("webhook-id", "msg_swapped");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SignatureListWithOneValidEntry_Returns200()
    {
        // Arrange: Standard Webhooks allows several space-separated signatures (key rotation).
        var signingToken = Signatures.NewSigningToken();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.SigningTokens.Add(signingToken));
        var webhookId = Payloads.NewId("msg_");
        using var request = Deliveries.GitLabSigned(signingToken, webhookId);
        var valid = request.Header("webhook-signature");
        var otherKey = Signatures.StandardWebhooks(Signatures.NewSigningToken(), webhookId, Signatures.Now(), Payloads.GitLabPush());
        request.WithHeader("webhook-signature", $"{otherKey} v1a,c29tZXRoaW5nLWVsc2U= {valid}");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(webhookId);
    }

    [Fact]
    public async Task Post_BothConfiguredWithTokenOnly_Returns200()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartWithBothAsync(probe, out _);
        var uuid = Guid.NewGuid().ToString();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitLabToken(Token, uuid));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(uuid);
    }

    [Fact]
    public async Task Post_BothConfiguredWithSignatureOnly_Returns200()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartWithBothAsync(probe, out var signingToken);
        var webhookId = Payloads.NewId("msg_");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitLabSigned(signingToken, webhookId));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(webhookId);
    }

    [Fact]
    public async Task Post_BothConfiguredWithWrongSignatureButValidToken_Returns401()
    {
        // Arrange: a signature that is present is the proof; a token holder cannot forge a body by adding a bad one.
        var probe = new HandlerProbe();
        await using var host = await StartWithBothAsync(probe, out _);
        var webhookId = Payloads.NewId("msg_");
        using var request = Deliveries.GitLabSigned(Signatures.NewSigningToken(), webhookId).WithHeader("X-Gitlab-Token", Token);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_BothConfiguredWithValidSignatureButWrongToken_Returns200()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartWithBothAsync(probe, out var signingToken);
        var webhookId = Payloads.NewId("msg_");
        using var request = Deliveries.GitLabSigned(signingToken, webhookId).WithHeader("X-Gitlab-Token", "wrong-token");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(webhookId);
    }

    [Fact]
    public async Task Post_BothConfiguredWithWrongTokenAndWrongSignature_Returns401()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartWithBothAsync(probe, out var signingToken);
        using var request = Deliveries.GitLabSigned(Signatures.NewSigningToken(), Payloads.NewId("msg_")).WithHeader("X-Gitlab-Token", "wrong-token-b");
        var presented = request.Header("webhook-signature");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, Token, signingToken, "wrong-token-b", presented["v1,".Length..]);
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_BothConfiguredWithNeitherTokenNorSignature_Returns401()
    {
        // Arrange
        await using var host = await StartWithBothAsync(new HandlerProbe(), out _);
        using var request = Deliveries.GitLabToken(Token, Guid.NewGuid().ToString()).WithHeader("X-Gitlab-Token", null);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_EventIdHeaders_PrecedenceIsIdempotencyKeyThenEventUuidThenWebhookId()
    {
        // Arrange: one body under several ids, which the body digest would answer as replays; this test is about the ids.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o =>
        {
            o.Secrets.Add(Token);
            o.DeduplicateByBody = false;
        });
        var key = Payloads.NewId("key-");
        var uuid = Payloads.NewId("uuid-");
        var webhookId = Payloads.NewId("msg_");

        // Act
        // 1. Idempotency-Key wins over X-Gitlab-Event-UUID: handled as "key".
        var first = await SendAsync(host, ("Idempotency-Key", key), ("X-Gitlab-Event-UUID", Payloads.NewId("uuid-ignored-")));
        await probe.WaitForAsync(key);
        // 2. Same Idempotency-Key, another UUID: a duplicate of "key".
        var second = await SendAsync(host, ("Idempotency-Key", key), ("X-Gitlab-Event-UUID", uuid));
        // 3. The UUID alone is a new event ("uuid"): it was not the id of delivery 2.
        var third = await SendAsync(host, ("X-Gitlab-Event-UUID", uuid), ("webhook-id", Payloads.NewId("msg-ignored-")));
        await probe.WaitForAsync(uuid);
        // 4. Same UUID, another webhook-id: a duplicate of "uuid".
        var fourth = await SendAsync(host, ("X-Gitlab-Event-UUID", uuid), ("webhook-id", webhookId));
        // 5. webhook-id alone is a new event: it was not the id of delivery 4.
        var fifth = await SendAsync(host, ("webhook-id", webhookId));
        await probe.WaitForAsync(webhookId);
        // 6. And the same webhook-id again is a duplicate.
        var sixth = await SendAsync(host, ("webhook-id", webhookId));

        // Assert
        new[] { first, second, third, fourth, fifth, sixth }.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Select(call => call.EventId).Should().Equal(key, uuid, webhookId);
        host.LogsWithEventId(2).Should().HaveCount(3, "deliveries 2, 4 and 6 are duplicates");
    }

    [Fact]
    public async Task Post_EventTypeNobodyHandles_Returns200AndRunsNoHandler()
    {
        // Arrange: only a push handler; GitLab sends a deployment event.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Token));
        var uuid = Guid.NewGuid().ToString();
        var body = System.Text.Encoding.UTF8.GetBytes("""{"object_kind":"deployment","status":"success","deployment_id":15}""");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitLabToken(Token, uuid, "Deployment Hook", body));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
        host.LogsWithEventId(3).Should().ContainSingle().Which.Message.Should().Contain(uuid);
    }

    private static async Task<HttpStatusCode> SendAsync(WebhookTestHost host, params (string Name, string Value)[] idHeaders)
    {
        using var request = Deliveries.Post(
            "/webhooks/gitlab",
            Payloads.GitLabPush(),
            "application/json",
            [("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Token", Token), .. idHeaders]);
        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<GitLabWebhookOptions> configure) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitLab(configure).AddHandler<RecordingHandler<GitLabPushEvent>>(),
            services => services.AddSingleton(probe));

    private static Task<WebhookTestHost> StartWithBothAsync(HandlerProbe probe, out string signingToken)
    {
        var token = Signatures.NewSigningToken();
        signingToken = token;
        return StartAsync(probe, o =>
        {
            o.Secrets.Add(Token);
            o.SigningTokens.Add(token);
        });
    }
}
