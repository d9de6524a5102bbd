using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Providers.Paddle;

/// <summary>The Paddle receiver through <c>AddPaddle</c>: id and type from the signed body, duplicate keys refused, options.</summary>
public sealed class PaddleWebhookProviderTests
{
    private const string Secret = "pdl_ntfset_01h7ht60tests_secret";
    private const long Now = 1_700_000_000;

    private static ReceiverHarness Create() => ReceiverHarness.Create("paddle", webhooks => webhooks.AddPaddle(o => o.Secrets.Add(Secret)), Now);

    private static WebhookRequest Request(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = WebhookSigner.Paddle(Secret).Sign(bytes, DateTimeOffset.FromUnixTimeSeconds(Now));
        return ReceiverHarness.Request(bytes, headers: ("Paddle-Signature", signature));
    }

    [Fact]
    public void Read_PaddleSdkVectorThroughAddPaddle_IsVerifiedButWithoutEventIdIsBadRequest()
    {
        using var receiver = ReceiverHarness.Create(
            "paddle",
            webhooks => webhooks.AddPaddle(o =>
            {
                o.AllowShortSecrets = true; // the SDK's test secret is 12 bytes
                o.Secrets.Add(PaddleVectors.Secret);
            }),
            PaddleVectors.Now);

        var result = receiver.Read(ReceiverHarness.Request(Encoding.UTF8.GetBytes(PaddleVectors.Body), headers: ("Paddle-Signature", PaddleVectors.Header)));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest, "the vector is signed, but its body has no event_id");
    }

    [Fact]
    public void Read_Signed_IsAcceptedWithTheSignedIdAndType()
    {
        using var receiver = Create();

        var result = receiver.Read(Request("""{"event_id":"evt_01h7ht60jy5hpdv5x8tfsaxje4","event_type":"subscription.created","data":{"id":"sub_1"}}"""));

        result.Status.Should().Be(WebhookProviderStatus.Accepted, result.FailureReason);
        (result.EventId, result.EventType, result.IsEventIdSigned).Should().Be(("evt_01h7ht60jy5hpdv5x8tfsaxje4", "subscription.created", true));
    }

    [Theory]
    [InlineData("""{"event_id":"evt_A","event_type":"transaction.completed","event_id":"evt_B"}""")]
    [InlineData("""{"event_id":"evt_A","event_type":"transaction.completed","\u0065vent_type":"transaction.canceled"}""")]
    [InlineData("""{"event_type":"transaction.completed"}""")]
    [InlineData("""{"event_id":"evt_A"}""")]
    [InlineData("""{"event_id":42,"event_type":"transaction.completed"}""")]
    [InlineData("""{"data":{"event_id":"evt_A","event_type":"transaction.completed"}}""")]
    [InlineData("""{"event_id":"evt_A","event_type":"transaction.completed"}trailing""")]
    public void Read_SignedBodyWithoutOneStringIdAndType_IsBadRequest(string body)
    {
        using var receiver = Create();

        receiver.Read(Request(body)).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_StaleSignature_IsUnauthorized()
    {
        using var receiver = Create();
        var bytes = """{"event_id":"evt_A","event_type":"transaction.completed"}"""u8.ToArray();
        var signature = WebhookSigner.Paddle(Secret).Sign(bytes, DateTimeOffset.FromUnixTimeSeconds(Now - 301));

        receiver.Read(ReceiverHarness.Request(bytes, headers: ("Paddle-Signature", signature))).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("1.00:00:01")]
    public void AddPaddle_ToleranceOutOfRange_FailsAtStartupNamingTheKey(string tolerance)
    {
        var failure = ReceiverHarness.StartupFailure(
            webhooks => webhooks.AddPaddle("billing-eu", null),
            ("Webhooks:billing-eu:Secrets:0", Secret),
            ("Webhooks:billing-eu:Tolerance", tolerance));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'billing-eu'").And.Contain("Webhooks:billing-eu:Tolerance");
    }

    [Fact]
    public void AddPaddle_NoSecret_FailsAtStartupNamingTheKey()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddPaddle());

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:paddle:Secrets:0");
    }
}
