using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Bitbucket;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Bitbucket Cloud end to end on real Kestrel (docs/providers.md). go-playground/webhooks' Bitbucket receiver checked
/// only the hook UUID and never the HMAC (its issue #209): here an unsigned or wrongly signed delivery is 401 and runs
/// no handler, whatever ids it carries, and a signed body relabelled with a new X-Request-UUID is a replay.
/// </summary>
public sealed class BitbucketTests
{
    private const string Secret = "bb-e2e-webhook-secret-61f0";
    private const string HookUuid = "{3f7e8f2a-9a51-4d8c-b6d2-2f1e0c9d7a11}";

    public static TheoryData<string, string?> UnverifiedSignatures => new()
    {
        { "unsigned, as from a hook with no secret", null },
        { "signed with another secret", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("not-the-configured-secret"), Payloads.Read("bitbucket", "repo-push.json"))) },
        { "the hook's UUID as the signature (what go-playground checked)", HookUuid },
        { "an empty sha256=", "sha256=" },
    };

    [Fact]
    public async Task Post_SignedPushFromTheTestingHelper_IsHandledWithTypedPayload()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var requestUuid = Guid.NewGuid().ToString();

        // Act
        using var response = await host.Client.PostBitbucketWebhookAsync("repo:push", Payloads.ReadText("bitbucket", "repo-push.json"), Secret, requestUuid);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(requestUuid);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("repo:push");
        call.Headers.Should().ContainKey("X-Event-Key").And.NotContainKey("X-Hub-Signature");
        call.Payload.Should().BeOfType<BitbucketPushEvent>().Which.Push!.Changes![0].New!.Name.Should().Be("name-of-branch");
    }

    [Theory]
    [MemberData(nameof(UnverifiedSignatures))]
    public async Task Post_UnverifiedDelivery_Returns401AndRunsNoHandler(string because, string? signature)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        List<(string, string)> headers = [("X-Event-Key", "repo:push"), ("X-Request-UUID", Guid.NewGuid().ToString()), ("X-Hook-UUID", HookUuid)];
        if (signature is not null)
        {
            headers.Add(("X-Hub-Signature", signature));
        }

        using var request = Deliveries.Post("/webhooks/bitbucket", Payloads.Read("bitbucket", "repo-push.json"), "application/json", [.. headers]);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, Secret);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty(because);
    }

    [Fact]
    public async Task Post_SignedBodyUnderANewRequestUuid_IsAReplayAndRunsNoHandlerAgain()
    {
        // Arrange: X-Request-UUID is not signed; whoever saw a delivery can resend its body under any id.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var payload = Payloads.ReadText("bitbucket", "repo-push.json");
        using (var first = await host.Client.PostBitbucketWebhookAsync("repo:push", payload, Secret, "uuid-original"))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync("uuid-original");
        await host.WaitForQueueDrainAsync();

        // Act
        using var relabelled = await host.Client.PostBitbucketWebhookAsync("repo:push", payload, Secret, "uuid-relabelled");

        // Assert
        relabelled.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddBitbucket(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<BitbucketPushEvent>>(),
            services => services.AddSingleton(probe));
}
