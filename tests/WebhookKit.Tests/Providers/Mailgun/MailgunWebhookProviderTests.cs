using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Mailgun;

namespace WebhookKit.Tests.Providers.Mailgun;

/// <summary>The Mailgun known answer through <c>AddMailgun</c>: the token as a signed event id, event types, form posts, bad input, startup validation.</summary>
public sealed class MailgunWebhookProviderTests
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    private static ReceiverHarness Create(Action<MailgunWebhookOptions>? configure = null) =>
        ReceiverHarness.Create(
            "mailgun",
            webhooks => webhooks.AddMailgun(o =>
            {
                o.Secrets.Add(MailgunVectors.SigningKey);
                configure?.Invoke(o);
            }),
            nowUnixSeconds: MailgunVectors.Timestamp);

    private static WebhookProviderResult Read(byte[] body, string contentType = Json)
    {
        using var receiver = Create();
        return receiver.Read(ReceiverHarness.Request(body, contentType));
    }

    [Fact]
    public void Read_MailgunKnownAnswer_IsAcceptedWithTheTokenAsASignedId()
    {
        var result = Read(MailgunVectors.Json());

        result.Status.Should().Be(WebhookProviderStatus.Accepted, result.FailureReason);
        result.EventId.Should().Be(MailgunVectors.Token);
        result.EventType.Should().Be("delivered");
        result.IsEventIdSigned.Should().BeTrue("the token is covered by the signature");
        result.Payload.Should().BeNull("the payload is the body");
    }

    [Fact]
    public void Read_WrongKey_IsUnauthorized()
    {
        using var receiver = ReceiverHarness.Create("mailgun", webhooks => webhooks.AddMailgun(o => o.Secrets.Add("a-different-signing-key-0123")), nowUnixSeconds: MailgunVectors.Timestamp);

        var result = receiver.Read(ReceiverHarness.Request(MailgunVectors.Json(), Json));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(MailgunVectors.Signature).And.NotContain(MailgunVectors.Token);
    }

    [Fact]
    public void Read_TimestampOlderThanTheTolerance_IsUnauthorized()
    {
        using var receiver = ReceiverHarness.Create(
            "mailgun",
            webhooks => webhooks.AddMailgun(o => o.Secrets.Add(MailgunVectors.SigningKey)),
            nowUnixSeconds: MailgunVectors.Timestamp + (long)TimeSpan.FromHours(8).TotalSeconds + 1);

        receiver.Read(ReceiverHarness.Request(MailgunVectors.Json(), Json)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_RetryEightHoursLater_IsAccepted()
    {
        // Mailgun resends a failed delivery with its original signature for 8 hours: the default tolerance covers it.
        using var receiver = ReceiverHarness.Create(
            "mailgun",
            webhooks => webhooks.AddMailgun(o => o.Secrets.Add(MailgunVectors.SigningKey)),
            nowUnixSeconds: MailgunVectors.Timestamp + (long)TimeSpan.FromHours(8).TotalSeconds);

        receiver.Read(ReceiverHarness.Request(MailgunVectors.Json(), Json)).Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData("""{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"}}""")]
    [InlineData("""{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"},"event-data":{"event":7}}""")]
    [InlineData("""{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"},"event-data":{"event":"delivered","event":"failed"}}""")]
    [InlineData("""{"event-data":{"event":"delivered"},"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"},"event-data":{"event":"failed"}}""")]
    public void Read_SignedWithoutOneEventType_IsBadRequest(string json) =>
        Read(Encoding.UTF8.GetBytes(json)).Status.Should().Be(WebhookProviderStatus.BadRequest);

    [Fact]
    public void Read_EventDataBeforeTheSignature_IsAccepted()
    {
        const string json = """{"event-data":{"message":{"headers":{"event":"x"}},"event":"opened"},"signature":{"signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","timestamp":"1403645220"}}""";

        var result = Read(Encoding.UTF8.GetBytes(json));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventType.Should().Be("opened");
    }

    [Fact]
    public void Read_RouteFormPost_IsInboundWithTheFieldsAsJson()
    {
        var result = Read(MailgunVectors.Form(), Form);

        result.Status.Should().Be(WebhookProviderStatus.Accepted, result.FailureReason);
        result.EventId.Should().Be(MailgunVectors.Token);
        result.EventType.Should().Be(MailgunWebhooksBuilderExtensions.InboundEventType);
        using var payload = JsonDocument.Parse(result.Payload!);
        payload.RootElement.GetProperty("body-plain").GetString().Should().Be("Hello");
        payload.RootElement.GetProperty("recipient").GetString().Should().Be("alice@example.com");
    }

    [Fact]
    public void Read_LegacyFormWebhook_TakesItsEventField() =>
        Read(MailgunVectors.Form("event=delivered&recipient=alice%40example.com"), Form).EventType.Should().Be("delivered");

    [Fact]
    public void Read_FormRepeatingEvent_IsBadRequest() =>
        Read(MailgunVectors.Form("event=delivered&event=failed"), Form).Status.Should().Be(WebhookProviderStatus.BadRequest);

    [Fact]
    public void Read_UnsignedFormOfTooManyFields_IsBadRequestBeforeDecoding() =>
        Read(Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Repeat("a=1", 5000))), Form).Status.Should().Be(WebhookProviderStatus.BadRequest);

    [Fact]
    public void Read_JsonBodyPostedAsForm_IsUnauthorized() =>
        Read(MailgunVectors.Json(), Form).Status.Should().Be(WebhookProviderStatus.Unauthorized);

    [Fact]
    public void AddMailgun_NoKey_FailsAtStartupNamingTheKey()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddMailgun("mg-eu", null));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'mg-eu'").And.Contain("Webhooks:mg-eu:Secrets:0");
    }

    [Theory]
    [InlineData("Tolerance", "1.00:00:01")]
    [InlineData("Tolerance", "00:00:00")]
    [InlineData("MaxFormFields", "0")]
    public void AddMailgun_OutOfRangeOption_FailsAtStartup(string option, string value)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddMailgun(), ("Webhooks:mailgun:Secrets:0", MailgunVectors.SigningKey), ($"Webhooks:mailgun:{option}", value));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain($"Webhooks:mailgun:{option}").And.NotContain(MailgunVectors.SigningKey);
    }

    [Theory]
    [InlineData("16:00:00", null)]
    [InlineData("01:00:00", "00:30:00")]
    [InlineData("3.00:00:00", "1.00:00:00")]
    public void AddMailgun_RetentionAtLeastTwiceTheTolerance_Starts(string retention, string? tolerance)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddMailgun(), Configuration(retention, tolerance));

        failure.Should().BeNull();
    }

    [Theory]
    [InlineData("15:59:59", null)]
    [InlineData("08:00:00", null)]
    [InlineData("01:00:00", "00:30:01")]
    public void AddMailgun_RetentionShorterThanTwiceTheTolerance_FailsAtStartup(string retention, string? tolerance)
    {
        // The store is the replay cache: a token it forgot while its timestamp is still accepted could be replayed.
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddMailgun(), Configuration(retention, tolerance));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message
            .Should().Contain("'Webhooks:RetentionDuration'").And.Contain("'Webhooks:mailgun:Tolerance'").And.NotContain(MailgunVectors.SigningKey);
    }

    [Fact]
    public void AddMailgun_ToleranceOutOfRangeWithAnyRetention_ReportsTheToleranceWithoutThrowing()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddMailgun(), Configuration("1.00:00:00", TimeSpan.MaxValue.ToString()));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("invalid 'Webhooks:mailgun:Tolerance'");
    }

    private static (string, string)[] Configuration(string retention, string? tolerance) =>
        tolerance is null
            ? [("Webhooks:mailgun:Secrets:0", MailgunVectors.SigningKey), ("Webhooks:RetentionDuration", retention)]
            : [("Webhooks:mailgun:Secrets:0", MailgunVectors.SigningKey), ("Webhooks:RetentionDuration", retention), ("Webhooks:mailgun:Tolerance", tolerance)];
}
