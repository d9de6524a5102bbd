using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Tests.Providers.Twilio;

/// <summary>
/// Issue #14 row 9: without <c>PublicBaseUrl</c> the signed URL is rebuilt from the request's Host header, so a
/// signature Twilio made for another application of the account would be accepted; outside Development the receiver
/// therefore fails at startup, naming the key.
/// </summary>
public sealed class TwilioPublicBaseUrlTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData(null)]
    public void AddTwilio_NoPublicBaseUrlOutsideDevelopment_FailsAtStartupNamingTheKey(string? environment)
    {
        // Act
        var failure = ReceiverHarness.StartupFailureIn(environment, webhooks => webhooks.AddTwilio(), ("Webhooks:twilio:Secrets:0", TestSignatures.TwilioToken));

        // Assert
        failure.Should().NotBeNull();
        failure!.Message.Should().Contain("Webhooks:twilio:PublicBaseUrl");
    }

    [Fact]
    public void AddTwilio_NamedReceiverWithoutPublicBaseUrl_NamesItsOwnKey()
    {
        var failure = ReceiverHarness.StartupFailureIn("Production", webhooks => webhooks.AddTwilio("sms", o => o.Secrets.Add(TestSignatures.TwilioToken)));

        failure.Should().NotBeNull();
        failure!.Message.Should().Contain("Webhooks:sms:PublicBaseUrl");
    }

    [Fact]
    public void AddTwilio_PublicBaseUrlInProduction_Starts()
    {
        var failure = ReceiverHarness.StartupFailureIn(
            "Production", webhooks => webhooks.AddTwilio(), ("Webhooks:twilio:Secrets:0", TestSignatures.TwilioToken), ("Webhooks:Twilio:PublicBaseUrl", "https://hooks.example.com"));

        failure.Should().BeNull();
    }

    [Fact]
    public void AddTwilio_NoPublicBaseUrlInDevelopment_Starts()
    {
        var failure = ReceiverHarness.StartupFailureIn("Development", webhooks => webhooks.AddTwilio(), ("Webhooks:twilio:Secrets:0", TestSignatures.TwilioToken));

        failure.Should().BeNull();
    }

    [Fact]
    public void Read_PublicBaseUrlSet_IgnoresTheRequestHost()
    {
        // Arrange: a signature for other-app.example (same account, same path) replayed with Host: other-app.example.
        using var receiver = ReceiverHarness.Create("twilio", webhooks => webhooks.AddTwilio(o =>
        {
            o.Secrets.Add(TestSignatures.TwilioToken);
            o.PublicBaseUrl = "https://my-app.example";
        }));
        KeyValuePair<string, string>[] fields = [new("CallSid", "CA1")];
        const string otherApp = "https://other-app.example/webhooks/twilio";

        // Act
        var result = receiver.Read(ReceiverHarness.Request("CallSid=CA1"u8.ToArray(), "application/x-www-form-urlencoded", otherApp, TestSignatures.Twilio(otherApp, fields)));

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }
}
