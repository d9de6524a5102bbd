using System.Net;
using WebhookKit.Dashboard.Tests.Infrastructure;

namespace WebhookKit.Dashboard.Tests;

/// <summary>Secure by default, over HTTP on real Kestrel: no policy outside Development is 403, a policy is enforced, POSTs need the antiforgery token.</summary>
public sealed class DashboardSecurityTests
{
    [Theory]
    [InlineData("")]
    [InlineData("api/info")]
    [InlineData("api/dead-letters")]
    [InlineData("assets/dashboard.js")]
    public async Task OutsideDevelopment_WithoutAPolicy_EveryDashboardUrlIs403(string path)
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync(environment: "Production");

        // Act
        using var response = await host.Client.GetAsync(host.DashboardUrl + path);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("RequireAuthorization");
    }

    [Fact]
    public async Task OutsideDevelopment_WithAPolicy_AnonymousIs401_AndAUserSeesThePage()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync(environment: "Production", requireAuthorization: true);

        // Act
        using var anonymous = await host.Client.GetAsync(host.DashboardUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, host.DashboardUrl);
        request.Headers.Add(DashboardHost.UserHeader, "ops-alice");
        using var signedIn = await host.Client.SendAsync(request);

        // Assert
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        signedIn.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'self'");
    }

    [Fact]
    public async Task OutsideDevelopment_WithTheExplicitOptOut_IsServed()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync(environment: "Production", dashboard: o => o.AllowWithoutAuthorization = true);

        // Act
        using var response = await host.Client.GetAsync(host.DashboardUrl);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReplayPost_WithoutTheAntiforgeryToken_IsRefused_AndTheDeadLetterStays()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync();
        host.Handler.Fail = true;
        using var posted = await host.PostPushAsync("csrf-1");
        var failed = await host.Tracker.WaitForEventAsync("csrf-1", TimeSpan.FromSeconds(20));

        // Act: what a cross-site form could send (no token, no antiforgery cookie).
        using var replay = await host.Client.PostAsync(host.DashboardUrl + $"api/dead-letters/{failed.Delivery.DeliveryId}/replay", null);

        // Assert
        replay.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await host.Client.GetStringAsync(host.DashboardUrl + "api/dead-letters")).Should().Contain(failed.Delivery.DeliveryId);
        host.Handler.Runs.Should().Be(1);
    }

    [Fact]
    public async Task ReadOnly_HasNoReplayOrDeleteEndpoint()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync(dashboard: o => o.ReadOnly = true);

        // Act
        using var replay = await host.Client.PostAsync(host.DashboardUrl + "api/dead-letters/anything/replay", null);
        using var delete = await host.Client.PostAsync(host.DashboardUrl + "api/dead-letters/anything/delete", null);

        // Assert
        replay.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
        delete.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task DashboardPath_WithoutTrailingSlash_RedirectsUnderThePathBase()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync(pathBase: "/ops");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        // Act
        using var response = await client.GetAsync(host.Address + "/webhooks/dashboard");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/ops/webhooks/dashboard/");
    }
}
