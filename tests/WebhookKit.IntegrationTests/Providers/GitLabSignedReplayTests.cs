using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitLab;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Issue #14 row 4 over real Kestrel: a signature-verified GitLab delivery is deduplicated by its signed
/// <c>webhook-id</c>, never by the unsigned <c>Idempotency-Key</c>, so replays under new keys are duplicates and a
/// known key cannot be claimed first to drop the genuine event.
/// </summary>
public sealed class GitLabSignedReplayTests
{
    [Fact]
    public async Task Post_SignedDeliveryReplayedFiveTimesWithNewIdempotencyKeys_RunsTheHandlerOnce()
    {
        // Arrange
        var signingToken = Signatures.NewSigningToken();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, signingToken);
        var webhookId = Payloads.NewId("msg_");
        var statuses = new List<HttpStatusCode>();

        // Act: the genuine delivery, then the captured bytes five times with fresh unsigned headers.
        for (var i = 0; i < 6; i++)
        {
            using var request = Deliveries.GitLabSigned(signingToken, webhookId)
                .WithHeader("Idempotency-Key", Payloads.NewId("key-"))
                .WithHeader("X-Gitlab-Event-UUID", Payloads.NewId("uuid-"));
            using var response = await host.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        await probe.WaitForAsync(webhookId);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle().Which.EventId.Should().Be(webhookId);
    }

    [Fact]
    public async Task Post_CapturedDeliveryReplayedWithAFutureIdempotencyKey_DoesNotDropTheGenuineDelivery()
    {
        // Arrange: the attacker replays an earlier captured delivery under the key GitLab will send with the next one.
        var signingToken = Signatures.NewSigningToken();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, signingToken);
        var capturedId = Payloads.NewId("msg_");
        var genuineId = Payloads.NewId("msg_");
        const string futureKey = "known-future-idempotency-key";

        // Act
        using (var captured = await host.Client.SendAsync(Deliveries.GitLabSigned(signingToken, capturedId).WithHeader("Idempotency-Key", Payloads.NewId("key-"))))
        {
            captured.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync(capturedId);
        using var replay = await host.Client.SendAsync(Deliveries.GitLabSigned(signingToken, capturedId).WithHeader("Idempotency-Key", futureKey));
        using var genuine = await host.Client.SendAsync(Deliveries.GitLabSigned(signingToken, genuineId).WithHeader("Idempotency-Key", futureKey));

        // Assert
        replay.StatusCode.Should().Be(HttpStatusCode.OK, "a duplicate is acknowledged");
        genuine.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(genuineId);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Select(call => call.EventId).Should().Equal(capturedId, genuineId);
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, string signingToken) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitLab(o => o.SigningTokens.Add(signingToken)).AddHandler<RecordingHandler<GitLabPushEvent>>(),
            services => services.AddSingleton(probe));
}
