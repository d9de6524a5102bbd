using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Tests.Providers;

/// <summary>
/// Issue #14 row 3: every form-reading provider (GitHub's form-encoded deliveries, Slack, Twilio) counts a form body's
/// fields before it decodes or sorts any, and refuses more than <c>MaxFormFields</c> (1000 by default) with 400.
/// </summary>
public sealed class FormFieldLimitTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string TwilioUrl = "https://example.com/webhooks/twilio";

    /// <summary>5 MiB of 7-byte fields: 748,981 of them, as in the issue.</summary>
    internal static byte[] HugeFormBody()
    {
        const int fields = 748_981;
        var body = new byte[(fields * 7) - 1];
        for (var i = 0; i < fields; i++)
        {
            "a=1234&"u8[..(i == fields - 1 ? 6 : 7)].CopyTo(body.AsSpan(i * 7));
        }

        return body;
    }

    [Fact]
    public void Read_TwilioUnsignedBodyOf748981Fields_IsBadRequestWithoutDecodingIt()
    {
        // Arrange
        using var receiver = ReceiverHarness.Create("twilio", webhooks => webhooks.AddTwilio(o => o.Secrets.Add(TestSignatures.TwilioToken)));
        var body = HugeFormBody();
        var request = ReceiverHarness.Request(body, Form, TwilioUrl, ("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        receiver.Read(ReceiverHarness.Request("a=1"u8.ToArray(), Form, TwilioUrl, ("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="))); // warm up

        // Act
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = receiver.Read(request);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Assert
        body.Length.Should().BeLessThanOrEqualTo(5 * 1024 * 1024);
        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
        allocated.Should().BeLessThan(1024 * 1024, "the fields are counted, never decoded, sorted or copied");
    }

    [Theory]
    [InlineData(1000, WebhookProviderStatus.Accepted)]
    [InlineData(1001, WebhookProviderStatus.BadRequest)]
    public void Read_TwilioSignedFormAtAndOverTheDefaultLimit_IsAcceptedThenRefused(int fieldCount, WebhookProviderStatus expected)
    {
        // Arrange
        using var receiver = ReceiverHarness.Create("twilio", webhooks => webhooks.AddTwilio(o => o.Secrets.Add(TestSignatures.TwilioToken)));
        var fields = Enumerable.Range(0, fieldCount).Select(i => new KeyValuePair<string, string>(i == 0 ? "CallSid" : $"F{i}", "1")).ToList();
        var body = Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => $"{f.Key}={f.Value}")));

        // Act
        var result = receiver.Read(ReceiverHarness.Request(body, Form, TwilioUrl, TestSignatures.Twilio(TwilioUrl, fields)));

        // Assert
        result.Status.Should().Be(expected);
    }

    [Theory]
    [InlineData(1000, WebhookProviderStatus.Accepted)]
    [InlineData(1001, WebhookProviderStatus.BadRequest)]
    public void Read_GitHubSignedFormAtAndOverTheDefaultLimit_IsAcceptedThenRefused(int fieldCount, WebhookProviderStatus expected)
    {
        // Arrange
        using var receiver = ReceiverHarness.Create("github", webhooks => webhooks.AddGitHub(o => o.Secrets.Add(TestSignatures.GitHubSecret)));
        var body = Encoding.ASCII.GetBytes("payload=%7B%7D" + string.Concat(Enumerable.Repeat("&x=1", fieldCount - 1)));

        // Act
        var result = receiver.Read(ReceiverHarness.Request(body, Form, headers: TestSignatures.GitHub(body)));

        // Assert
        result.Status.Should().Be(expected);
    }

    [Theory]
    [InlineData(1000, WebhookProviderStatus.Accepted)]
    [InlineData(1001, WebhookProviderStatus.BadRequest)]
    public void Read_SlackSignedSlashCommandAtAndOverTheDefaultLimit_IsAcceptedThenRefused(int fieldCount, WebhookProviderStatus expected)
    {
        // Arrange
        using var receiver = ReceiverHarness.Create("slack", webhooks => webhooks.AddSlack(o => o.Secrets.Add(TestSignatures.SlackSecret)), TestSignatures.Now);
        var body = Encoding.ASCII.GetBytes("command=%2Fdeploy&trigger_id=t1" + string.Concat(Enumerable.Repeat("&x=1", fieldCount - 2)));

        // Act
        var result = receiver.Read(ReceiverHarness.Request(body, Form, headers: TestSignatures.Slack(body)));

        // Assert
        result.Status.Should().Be(expected);
    }

    [Fact]
    public void Read_EmptyFieldsCountToo_IsBadRequest()
    {
        // Arrange: a million '&' is a million (empty) fields, refused without a pass per field.
        using var receiver = ReceiverHarness.Create("twilio", webhooks => webhooks.AddTwilio(o => o.Secrets.Add(TestSignatures.TwilioToken)));
        var body = Enumerable.Repeat((byte)'&', 1_000_000).ToArray();

        // Act
        var result = receiver.Read(ReceiverHarness.Request(body, Form, TwilioUrl, ("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")));

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_MaxFormFieldsFromConfiguration_IsTheLimit()
    {
        // Arrange
        using var receiver = ReceiverHarness.Create(
            "github", webhooks => webhooks.AddGitHub(o => o.Secrets.Add(TestSignatures.GitHubSecret)), null, ("Webhooks:github:MaxFormFields", "3"));
        var allowed = "payload=%7B%7D&a=1&b=2"u8.ToArray();
        var refused = "payload=%7B%7D&a=1&b=2&c=3"u8.ToArray();

        // Act
        var allowedResult = receiver.Read(ReceiverHarness.Request(allowed, Form, headers: TestSignatures.GitHub(allowed)));
        var refusedResult = receiver.Read(ReceiverHarness.Request(refused, Form, headers: TestSignatures.GitHub(refused)));

        // Assert
        allowedResult.Status.Should().Be(WebhookProviderStatus.Accepted);
        refusedResult.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Theory]
    [InlineData("github")]
    [InlineData("slack")]
    [InlineData("twilio")]
    public void AddReceiver_MaxFormFieldsNotPositive_FailsAtStartupNamingTheKey(string receiverName)
    {
        // Arrange
        Action<IWebhooksBuilder> configure = receiverName switch
        {
            "github" => webhooks => webhooks.AddGitHub(),
            "slack" => webhooks => webhooks.AddSlack(),
            _ => webhooks => webhooks.AddTwilio(o => o.PublicBaseUrl = "https://hooks.example.com"),
        };

        // Act
        var failure = ReceiverHarness.StartupFailure(configure, ($"Webhooks:{receiverName}:Secrets:0", "a-secret-of-at-least-16-bytes"), ($"Webhooks:{receiverName}:MaxFormFields", "0"));

        // Assert
        failure.Should().NotBeNull();
        failure!.Message.Should().Contain($"Webhooks:{receiverName}:MaxFormFields");
    }
}
