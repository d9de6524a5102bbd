using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary><c>UseWebhooks()</c>: the same pipeline as middleware; every other path goes to the next middleware.</summary>
public sealed class MiddlewareTests
{
    private const string Secret = "middleware-secret-2e7c";
    private const string NextBody = "next middleware";

    [Fact]
    public async Task UseWebhooks_SignedDelivery_Returns200AndHandles()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        probe.Calls.Should().ContainSingle().Which.Payload.Should().BeOfType<GitHubPushEvent>();
    }

    [Fact]
    public async Task UseWebhooks_Duplicate_Returns200AndHandlesOnce()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();
        using var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await probe.WaitForAsync(id);

        // Act
        using var second = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task UseWebhooks_WrongSignature_Returns401Problem()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe());
        using var request = Deliveries.GitHub("wrong-secret", Payloads.NewId());
        var presented = request.Header("X-Hub-Signature-256");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, Secret, presented);
    }

    [Fact]
    public async Task UseWebhooks_GetOnReceiverPath_Returns405WithAllowPost()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe());

        // Act
        using var response = await host.Client.GetAsync("/webhooks/github");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().BeEquivalentTo("POST");
    }

    [Fact]
    public async Task UseWebhooks_UnknownReceiverUnderPrefix_Returns404()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe());

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), receiver: "nobody"));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/webhooks")]
    [InlineData("/webhooks/")]
    [InlineData("/webhooks/github/extra")]
    [InlineData("/webhooksgithub")]
    [InlineData("/api/webhooks/github")]
    public async Task UseWebhooks_OtherPath_PassesToNextMiddleware(string path)
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe());
        var body = Payloads.GitHubPush();
        using var request = Deliveries.Post(path, body, "application/json", ("X-GitHub-Event", "push"), ("X-GitHub-Delivery", Payloads.NewId()), ("X-Hub-Signature-256", Signatures.GitHub(Secret, body)));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(NextBody);
        host.LogsWithEventId(1).Should().BeEmpty();
    }

    [Fact]
    public async Task UseWebhooksWithCustomPrefix_DeliveryUnderPrefix_Returns200AndDefaultPrefixPassesThrough()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, "/hooks");
        var id = Payloads.NewId();
        using var request = Deliveries.GitHub(Secret, id);
        request.RequestUri = new Uri("/hooks/github", UriKind.Relative);

        // Act
        using var response = await host.Client.SendAsync(request);
        using var underDefaultPrefix = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        (await underDefaultPrefix.Content.ReadAsStringAsync()).Should().Be(NextBody);
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, string? prefix = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe),
            app =>
            {
                if (prefix is null)
                {
                    app.UseWebhooks();
                }
                else
                {
                    app.UseWebhooks(prefix);
                }

                app.Run(context => context.Response.WriteAsync(NextBody));
            });
}
