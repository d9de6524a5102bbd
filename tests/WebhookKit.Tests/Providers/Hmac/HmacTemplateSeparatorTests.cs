using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Tests.Providers.Hmac;

/// <summary>
/// Issue #14 row 11d: placeholders side by side (<c>{id}{body}</c>) let bytes move between the id and the body under the
/// same signature, so each placeholder needs a literal separator after it; an id holding that separator is refused.
/// </summary>
public sealed class HmacTemplateSeparatorTests
{
    [Theory]
    [InlineData("{id}{body}")]
    [InlineData("{timestamp}{body}")]
    [InlineData("{id}{timestamp}.{body}")]
    [InlineData("{timestamp}{id}.{body}")]
    [InlineData("v1:{timestamp}7{body}")]
    public void AddHmac_PlaceholdersWithoutSeparator_FailsAtStartupNamingTheKey(string template)
    {
        // Act
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddHmac("billing", o =>
        {
            o.Secrets.Add(TestSignatures.HmacSecret);
            o.SignatureHeader = "X-Signature";
            o.SignedContent = template;
            o.EventIdHeader = "X-Id";
            o.EventTypeProperty = "type";
            o.TimestampHeader = template.Contains("{timestamp}", StringComparison.Ordinal) ? "X-Timestamp" : null;
        }));

        // Assert
        failure.Should().NotBeNull();
        failure!.Message.Should().Contain("Webhooks:billing:SignedContent");
    }

    [Theory]
    [InlineData("{id}.{body}")]
    [InlineData("{id}.{timestamp}.{body}")]
    [InlineData("v0:{timestamp}:{body}")]
    public void AddHmac_PlaceholdersWithSeparators_Starts(string template)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddHmac("billing", o =>
        {
            o.Secrets.Add(TestSignatures.HmacSecret);
            o.SignatureHeader = "X-Signature";
            o.SignedContent = template;
            o.EventIdHeader = "X-Id";
            o.EventTypeProperty = "type";
            o.TimestampHeader = template.Contains("{timestamp}", StringComparison.Ordinal) ? "X-Timestamp" : null;
        }));

        failure.Should().BeNull();
    }

    [Theory]
    [InlineData("{id}::{body}", "e:", "e:::")]
    [InlineData("{id}::{body}", "e::1", "e::1::")]
    [InlineData("{id}.{body}", "e.1", "e.1.")]
    public void Read_IdInWhichTheSeparatorCouldStart_IsUnauthorized(string template, string id, string signedPrefix)
    {
        using var receiver = ReceiverHarness.Create("hmac", webhooks => webhooks.AddHmac("hmac", o =>
        {
            o.Secrets.Add(TestSignatures.HmacSecret);
            o.SignatureHeader = "X-Signature";
            o.SignedContent = template;
            o.EventIdHeader = "X-Id";
            o.EventTypeProperty = "type";
        }));
        var body = """{"type":"t"}"""u8.ToArray();

        var result = receiver.Read(ReceiverHarness.Request(body, headers: [("X-Signature", TestSignatures.HmacHex(signedPrefix, body)), ("X-Id", id)]));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_IdWithoutTheSeparator_IsAccepted()
    {
        using var receiver = ReceiverHarness.Create("hmac", webhooks => webhooks.AddHmac("hmac", o =>
        {
            o.Secrets.Add(TestSignatures.HmacSecret);
            o.SignatureHeader = "X-Signature";
            o.SignedContent = "{id}::{body}";
            o.EventIdHeader = "X-Id";
            o.EventTypeProperty = "type";
        }));
        var body = """{"type":"t"}"""u8.ToArray();

        var result = receiver.Read(ReceiverHarness.Request(body, headers: [("X-Signature", TestSignatures.HmacHex("e:1::", body)), ("X-Id", "e:1")]));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("e:1");
    }

    [Fact]
    public void Read_IdContainingTheSeparator_IsUnauthorized()
    {
        // Arrange: "a.{"b":1}" signed as id "a" could otherwise be replayed as id "a.{" with another body split.
        using var receiver = ReceiverHarness.Create("hmac", webhooks => webhooks.AddHmac("hmac", o =>
        {
            o.Secrets.Add(TestSignatures.HmacSecret);
            o.SignatureHeader = "X-Signature";
            o.SignedContent = "{id}.{body}";
            o.EventIdHeader = "X-Id";
            o.EventTypeProperty = "type";
        }));
        var body = """{"type":"t"}"""u8.ToArray();

        // Act
        var result = receiver.Read(ReceiverHarness.Request(body, headers: [("X-Signature", TestSignatures.HmacHex("e.1.", body)), ("X-Id", "e.1")]));

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }
}
