using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WebhookKit.Tests.Providers.Razorpay;

/// <summary>The Razorpay receiver through <c>AddRazorpay</c>: id from the header, type from the signed body, bad input.</summary>
public sealed class RazorpayWebhookProviderTests
{
    private const string Secret = "razorpay-webhook-secret-for-tests";
    private const string EventId = "Gb5kMCdcAZ8jJ8";
    private static readonly byte[] Body = """{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],"payload":{},"created_at":1691735748}"""u8.ToArray();

    private static ReceiverHarness Create() => ReceiverHarness.Create("razorpay", webhooks => webhooks.AddRazorpay(o => o.Secrets.Add(Secret)));

    private static string Sign(byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));

    private static WebhookRequest Request(byte[] body, string? signature = null, string? eventId = EventId)
    {
        List<(string, string)> headers = [("X-Razorpay-Signature", signature ?? Sign(body))];
        if (eventId is not null)
        {
            headers.Add(("X-Razorpay-Event-Id", eventId));
        }

        return ReceiverHarness.Request(body, headers: [.. headers]);
    }

    [Fact]
    public void Read_Signed_IsAcceptedWithTheHeaderIdAndTheBodyEventAsUnsignedId()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(Body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted, result.FailureReason);
        result.EventId.Should().Be(EventId);
        result.EventType.Should().Be("payment.captured");
        result.IsEventIdSigned.Should().BeFalse("X-Razorpay-Event-Id is not covered by the signature");
        result.BodyMac.ToArray().Should().Equal(Convert.FromHexString(Sign(Body)));
    }

    [Fact]
    public void Read_KnownVectorBody_IsVerifiedButWithoutEventIsBadRequest()
    {
        using var receiver = ReceiverHarness.Create("razorpay", webhooks => webhooks.AddRazorpay(o =>
        {
            o.AllowShortSecrets = true; // Razorpay's SDK vector uses the 6-byte secret "123456".
            o.Secrets.Add(RazorpayVectors.Secret);
        }));
        var body = Encoding.UTF8.GetBytes(RazorpayVectors.Body);

        receiver.Read(Request(body, RazorpayVectors.Signature)).Status.Should().Be(WebhookProviderStatus.BadRequest, "the vector's body is signed but has no event");
        receiver.Read(Request(body, RazorpayVectors.WrongSignature)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("""{"event":"payment.captured","event":"payment.failed"}""")]
    [InlineData("""{"event":"payment.captured","\u0065vent":"payment.failed"}""")]
    [InlineData("""{"event":42}""")]
    [InlineData("""{"payload":{"event":"payment.captured"}}""")]
    [InlineData("""["payment.captured"]""")]
    [InlineData("event=payment.captured")]
    public void Read_SignedBodyWithoutOneStringEvent_IsBadRequest(string text)
    {
        using var receiver = Create();

        receiver.Read(Request(Encoding.UTF8.GetBytes(text))).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_SignedWithoutEventIdHeader_IsBadRequest()
    {
        using var receiver = Create();

        receiver.Read(Request(Body, eventId: null)).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_WrongSignature_IsUnauthorizedWithoutQuotingIt()
    {
        using var receiver = Create();
        var wrong = Convert.ToHexStringLower(HMACSHA256.HashData("another-secret-entirely-123"u8, Body));

        var result = receiver.Read(Request(Body, wrong));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(wrong).And.NotContain(Secret);
    }

    [Fact]
    public void ForwardedHeaders_KeepTheEventIdButNotTheSignature()
    {
        using var receiver = Create();

        receiver.Provider.ForwardedHeaders.Should().Contain("X-Razorpay-Event-Id").And.NotContain("X-Razorpay-Signature");
    }

    [Fact]
    public void AddRazorpay_NoSecret_FailsAtStartupNamingTheKey()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddRazorpay("rzp-in", null));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'rzp-in'").And.Contain("Webhooks:rzp-in:Secrets:0");
    }

    [Fact]
    public void AddRazorpay_ShortSecret_FailsAtStartup()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddRazorpay(o => o.Secrets.Add("123456")));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:razorpay:Secrets:0").And.NotContain("123456'");
    }
}
