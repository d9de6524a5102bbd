using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Diagnostics;

public sealed class ProblemDetailsTests
{
    private const string Secret = "problem-secret-0123456789";

    [Fact]
    public async Task Rejection_WithoutProblemDetailsService_IsAShortProblemWithAStableType()
    {
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(), s => s.AddSingleton(new HandlerProbe()));
        var forged = Deliveries.GitHub("forged", Payloads.NewId());
        var signature = forged.Header("X-Hub-Signature-256");

        using var response = await host.Client.SendAsync(forged);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("type").GetString().Should().Be("urn:webhookkit:problem:unauthorized");
        json.RootElement.GetProperty("status").GetInt32().Should().Be(401);
        text.Should().NotContain(Secret).And.NotContain(signature).And.NotContain("forged");
    }

    [Fact]
    public async Task Rejection_WithAddProblemDetails_IsWrittenByTheAppsProblemDetailsService()
    {
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(new HandlerProbe());
                services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["app"] = "customized");
            });

        using var response = await host.Client.SendAsync(Deliveries.GitHub("forged", Payloads.NewId()));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        json.RootElement.GetProperty("type").GetString().Should().Be("urn:webhookkit:problem:unauthorized");
        json.RootElement.GetProperty("app").GetString().Should().Be("customized");
    }

    [Theory]
    [InlineData("GET", 405, "method-not-allowed")]
    [InlineData("POST", 400, "bad-request")]
    public async Task Rejections_HaveOneStableTypePerOutcome(string method, int status, string type)
    {
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(), s => s.AddSingleton(new HandlerProbe()));
        using var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, "/webhooks/github")
            : Deliveries.GitHub(Secret, Payloads.NewId()).WithHeader("X-GitHub-Event", null);

        using var response = await host.Client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        ((int)response.StatusCode).Should().Be(status);
        json.RootElement.GetProperty("type").GetString().Should().Be("urn:webhookkit:problem:" + type);
    }
}
