using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Tests.Providers.StandardWebhooks;

/// <summary>The signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>: an id holding a '.' could move bytes between the parts.</summary>
public sealed class StandardWebhooksIdTests
{
    [Fact]
    public void Read_IdContainingADot_IsUnauthorized()
    {
        // Arrange
        using var receiver = ReceiverHarness.Create("standardwebhooks", webhooks => webhooks.AddStandardWebhooks(o => o.Secrets.Add(TestSignatures.StandardSecret)), TestSignatures.Now);
        var body = """{"type":"t"}"""u8.ToArray();

        // Act
        var result = receiver.Read(ReceiverHarness.Request(body, headers: TestSignatures.StandardWebhooks(body, "msg.1")));

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }
}
