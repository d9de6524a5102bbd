using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Stripe;

using static WebhookKit.Tests.Providers.Stripe.StripeVectors;

namespace WebhookKit.Tests.Providers.Stripe;

/// <summary>Known answers (StripeVectors: signed content "{t}.{body}", key = the whole whsec_ string).</summary>
public sealed class StripeWebhookProviderTests
{
    private static StripeWebhookProvider CreateProvider(long now, params string[] secrets)
    {
        var options = new StripeWebhookOptions();
        foreach (var secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        return new StripeWebhookProvider(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    private static WebhookProviderResult Read(StripeWebhookProvider provider, string signature, byte[]? body = null) =>
        provider.Read(new WebhookRequest(new HeaderDictionary { ["Stripe-Signature"] = signature }, body ?? Body));

    [Fact]
    public void Read_KnownVector_IsAcceptedWithIdAndTypeFromBody()
    {
        var result = Read(CreateProvider(Timestamp, Secret), $"t={Timestamp},v1={V1}");

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("evt_1");
        result.EventType.Should().Be("ping");
    }

    [Theory]
    [InlineData(OldSecret)]
    [InlineData(NewSecret)]
    public void Read_RotationHeaderWithBothSignatures_IsAcceptedWithEitherSecret(string configured)
    {
        var result = Read(CreateProvider(RotationTimestamp, configured), $"t={RotationTimestamp},v1={OldV1},v1={NewV1}", RotationBody);

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("evt_3Q");
        result.EventType.Should().Be("payment_intent.succeeded");
    }

    [Fact]
    public void Read_ReceiverRotatingSecrets_AcceptsSignatureOfTheNewOne()
    {
        var result = Read(CreateProvider(RotationTimestamp, OldSecret, NewSecret), $"t={RotationTimestamp},v1={NewV1}", RotationBody);

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData(300, WebhookProviderStatus.Accepted)]
    [InlineData(-300, WebhookProviderStatus.Accepted)]
    [InlineData(301, WebhookProviderStatus.Unauthorized)]
    [InlineData(-301, WebhookProviderStatus.Unauthorized)]
    public void Read_TimestampAtAndBeyondTolerance_IsJudgedInBothDirections(long clockOffsetSeconds, WebhookProviderStatus expected)
    {
        var result = Read(CreateProvider(Timestamp + clockOffsetSeconds, Secret), $"t={Timestamp},v1={V1}");

        result.Status.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1=" + V1)]
    [InlineData("t=,v1=" + V1)]
    [InlineData("t=abc,v1=" + V1)]
    [InlineData("t=-1700000000,v1=" + V1)]
    [InlineData("t=1700000000")]
    [InlineData("t=1700000000,v0=" + V1)]
    [InlineData("t=1700000000,v1=")]
    [InlineData("t=1700000000,v1=" + "74a11abdd08483d064a2a1571e7881b084c522f9f3ccd0b800ec8c74aba47fc")]
    [InlineData("t=1700000000,t=1700000000,v1=" + V1)]
    [InlineData("t=99999999999999999999999,v1=" + V1)]
    [InlineData("t=1700000001,v1=" + V1)]
    public void Read_MalformedOrWrongHeader_IsUnauthorized(string header)
    {
        var result = Read(CreateProvider(Timestamp, Secret), header);

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(Secret).And.NotContain(V1);
    }

    [Fact]
    public void Read_ManyV1EntriesWithOneValid_IsAccepted()
    {
        var decoys = string.Concat(Enumerable.Range(0, 40).Select(i => $",v1={i:x64}"));

        var result = Read(CreateProvider(Timestamp, Secret), $"t={Timestamp}{decoys},v1={V1}");

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_WhitespaceAroundEntries_IsAccepted()
    {
        var result = Read(CreateProvider(Timestamp, Secret), $" t={Timestamp} , v1={V1} ");

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData("""{"type":"ping"}""")]
    [InlineData("""{"id":"evt_1"}""")]
    [InlineData("""{"id":1,"type":"ping"}""")]
    [InlineData("""[{"id":"evt_1","type":"ping"}]""")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"ping\"")]
    [InlineData("not json")]
    [InlineData("""{"data":{"id":"evt_nested","type":"nested"}}""")]
    public void Read_SignedBodyWithoutTopLevelIdAndType_IsBadRequest(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var signature = Sign(Secret, Timestamp, body);

        var result = Read(CreateProvider(Timestamp, Secret), signature, body);

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_DeeplyNestedSignedBody_IsBadRequestNotAnException()
    {
        var body = Encoding.UTF8.GetBytes("""{"data":""" + new string('[', 5000) + new string(']', 5000) + ""","id":"evt_1","type":"ping"}""");

        var result = Read(CreateProvider(Timestamp, Secret), Sign(Secret, Timestamp, body), body);

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_InvalidUtf8InId_IsBadRequest()
    {
        byte[] body = [.. "{\"id\":\""u8, 0xC3, 0x28, .. "\",\"type\":\"ping\"}"u8];

        var result = Read(CreateProvider(Timestamp, Secret), Sign(Secret, Timestamp, body), body);

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    private static string Sign(string secret, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(body).ToArray();
        return $"t={timestamp},v1={Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }
}
