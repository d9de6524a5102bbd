using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Twilio;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Issue #14 rows 3 and 9 over real Kestrel: a Twilio receiver outside Development needs <c>PublicBaseUrl</c> (else the
/// app fails at startup), and a 5 MiB unsigned form body of 748,981 fields is refused with 400 without being decoded.
/// </summary>
public sealed class TwilioHardeningTests
{
    private const string Token = "twilio-e2e-auth-token-5d1e";

    [Fact]
    public async Task Start_ProductionTwilioWithoutPublicBaseUrl_ThrowsOptionsValidationNamingTheKey()
    {
        // Arrange
        var builder = WebhookTestHost.CreateBuilder(Environments.Production);
        builder.Services.AddWebhooks().AddTwilio(o => o.Secrets.Add(Token));
        await using var app = builder.Build();

        // Act: mapping builds the receivers, so it fails there already (as starting would).
        var start = () =>
        {
            app.MapWebhooks();
            return app.StartAsync();
        };

        // Assert
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();
        thrown.Which.Message.Should().Contain("Webhooks:twilio:PublicBaseUrl");
    }

    [Fact]
    public async Task Start_DevelopmentTwilioWithoutPublicBaseUrl_Starts()
    {
        // Arrange
        var builder = WebhookTestHost.CreateBuilder(Environments.Development);
        builder.Services.AddWebhooks().AddTwilio(o => o.Secrets.Add(Token));
        await using var app = builder.Build();
        app.MapWebhooks();

        // Act
        var start = () => app.StartAsync();

        // Assert
        await start.Should().NotThrowAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task Post_UnsignedFormOf748981Fields_Returns400AndRunsNoHandler()
    {
        // Arrange: default limits (MaxBodyBytes 5 MiB, MaxFormFields 1000).
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddTwilio(o =>
            {
                o.Secrets.Add(Token);
                o.PublicBaseUrl = "https://hooks.example.com";
            }).AddHandler<RecordingHandler<TwilioEvent>>(),
            services => services.AddSingleton(probe));
        const int fields = 748_981;
        var body = System.Text.Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Repeat("a=1234", fields)));
        using var request = Deliveries.Post("/webhooks/twilio", body, "application/x-www-form-urlencoded", ("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        body.Length.Should().BeLessThanOrEqualTo(5 * 1024 * 1024);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }
}
