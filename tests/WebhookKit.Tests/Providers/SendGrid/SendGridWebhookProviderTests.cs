using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WebhookKit.Tests.Providers.SendGrid;

/// <summary>The SendGrid known answer through <c>AddSendGrid</c>, batch ids, bad bodies, startup validation of the keys.</summary>
public sealed class SendGridWebhookProviderTests : IDisposable
{
    private readonly ECDsa _key = SendGridVectors.NewKey();

    public void Dispose() => _key.Dispose();

    private static ReceiverHarness Create(params string[] keys) =>
        ReceiverHarness.Create(
            "sendgrid",
            webhooks => webhooks.AddSendGrid(o =>
            {
                foreach (var key in keys)
                {
                    o.PublicKeys.Add(key);
                }
            }),
            nowUnixSeconds: SendGridVectors.TimestampSeconds);

    private static WebhookRequest Request(byte[] body, string signature, string timestamp = SendGridVectors.Timestamp) =>
        ReceiverHarness.Request(body, headers: [("X-Twilio-Email-Event-Webhook-Signature", signature), ("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)]);

    private WebhookProviderResult ReadSigned(string json)
    {
        using var receiver = Create(SendGridVectors.PublicKeyOf(_key));
        var body = Encoding.UTF8.GetBytes(json);
        return receiver.Read(Request(body, SendGridVectors.Sign(_key, SendGridVectors.Timestamp, body)));
    }

    [Fact]
    public void Read_SendGridKnownAnswer_IsAcceptedAsOneBatchIdentifiedByItsEvent()
    {
        using var receiver = Create(SendGridVectors.PublicKey);

        var result = receiver.Read(Request(SendGridVectors.Body, SendGridVectors.Signature));

        result.Status.Should().Be(WebhookProviderStatus.Accepted, result.FailureReason);
        result.EventId.Should().Be(SendGridVectors.SgEventId);
        result.EventType.Should().Be(SendGridWebhooksBuilderExtensions.BatchEventType);
        result.IsEventIdSigned.Should().BeTrue("the id is read from the signed, timestamped body");
    }

    [Fact]
    public void Read_KnownAnswerTampered_IsUnauthorized()
    {
        using var receiver = Create(SendGridVectors.PublicKey);
        var tampered = SendGridVectors.Body.ToArray();
        tampered[10] ^= 1;

        var result = receiver.Read(Request(tampered, SendGridVectors.Signature));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain("MEUCIGHQ");
    }

    [Fact]
    public void Read_BatchOfSeveralEvents_IdIsTheSameInAnyOrder()
    {
        var forward = ReadSigned("""[{"event":"open","sg_event_id":"a1"},{"event":"click","sg_event_id":"b2"}]""");
        var reversed = ReadSigned("""[{"sg_event_id":"b2","event":"click"}, {"sg_event_id":"a1","event":"open"}]""");
        var other = ReadSigned("""[{"event":"open","sg_event_id":"a1"},{"event":"click","sg_event_id":"b3"}]""");

        forward.Status.Should().Be(WebhookProviderStatus.Accepted);
        forward.EventId.Should().MatchRegex("^[0-9a-f]{64}$").And.Be(reversed.EventId);
        other.EventId.Should().NotBe(forward.EventId);
    }

    [Fact]
    public void Read_IdsThatWouldJoinAlike_GetDifferentIds()
    {
        // Without a length prefix, ["ab","c"] and ["a","bc"] would hash the same bytes.
        ReadSigned("""[{"sg_event_id":"ab"},{"sg_event_id":"c"}]""").EventId
            .Should().NotBe(ReadSigned("""[{"sg_event_id":"a"},{"sg_event_id":"bc"}]""").EventId);
    }

    [Fact]
    public void Read_EventWithoutId_BatchIsIdentifiedByTheBodyDigest()
    {
        const string json = """[{"event":"open","sg_event_id":"a1"},{"event":"click"}]""";

        var result = ReadSigned(json);

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Read_EmptyBatch_IsAcknowledgedWithNothingQueued()
    {
        var result = ReadSigned("[]");

        result.Status.Should().Be(WebhookProviderStatus.Respond);
    }

    [Theory]
    [InlineData("""{"event":"open","sg_event_id":"a1"}""")]
    [InlineData("""[{"event":"open"},1]""")]
    [InlineData("""[{"sg_event_id":"a1","sg_event_id":"a2"}]""")]
    [InlineData("""[{"event":"open"}""")]
    [InlineData("""[{"event":"open"}] []""")]
    [InlineData("")]
    public void Read_SignedButNotAnArrayOfEventsWithOneIdEach_IsBadRequest(string json) =>
        ReadSigned(json).Status.Should().Be(WebhookProviderStatus.BadRequest);

    [Fact]
    public void ForwardedHeaders_KeepTheTimestampButNotTheSignature()
    {
        using var receiver = Create(SendGridVectors.PublicKey);

        receiver.Provider.ForwardedHeaders.Should().Contain("X-Twilio-Email-Event-Webhook-Timestamp").And.NotContain("X-Twilio-Email-Event-Webhook-Signature");
    }

    [Fact]
    public void AddSendGrid_KeyThatIsNotP256_FailsAtStartupNamingTheKeyWithoutPrintingIt()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var key = Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo());

        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddSendGrid("mail-eu", null), ("Webhooks:mail-eu:PublicKeys:0", SendGridVectors.PublicKey), ("Webhooks:mail-eu:PublicKeys:1", key));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message
            .Should().Contain("'mail-eu'").And.Contain("Webhooks:mail-eu:PublicKeys:1").And.NotContain("Webhooks:mail-eu:PublicKeys:0")
            .And.NotContain(key[30..60]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==AAAA")]
    [InlineData(" ")]
    public void AddSendGrid_KeyThatDoesNotImport_FailsAtStartup(string key)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddSendGrid(), ("Webhooks:sendgrid:PublicKeys:0", key));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:sendgrid:PublicKeys:0");
    }

    [Fact]
    public void AddSendGrid_NoKey_FailsAtStartup()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddSendGrid());

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:sendgrid:PublicKeys:0");
    }

    [Fact]
    public void AddSendGrid_KeyConfiguredAsSecret_FailsAtStartupSayingWhereItGoes()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddSendGrid(), ("Webhooks:sendgrid:Secrets:0", SendGridVectors.PublicKey));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:sendgrid:PublicKeys:0").And.NotContain(SendGridVectors.PublicKey);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    public void AddSendGrid_ToleranceOutOfRange_FailsAtStartup(string tolerance)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddSendGrid(), ("Webhooks:sendgrid:PublicKeys:0", SendGridVectors.PublicKey), ("Webhooks:sendgrid:Tolerance", tolerance));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:sendgrid:Tolerance");
    }
}
