using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Hmac;
using WebhookKit.Testing;
using WebhookKit.Tests.Providers.Stripe;

namespace WebhookKit.Tests.Testing;

/// <summary>
/// The generic HMAC signer follows the receiver's scheme: described as GitHub, Stripe, Slack or Shopify sign, it
/// reproduces their published known answers, and what it signs the generic verifier accepts.
/// </summary>
public sealed class HmacSignerTests
{
    [Fact]
    public void Sign_DefaultsWithAPrefix_ReproduceGitHubsVector()
    {
        var scheme = new HmacWebhookOptions { SignatureHeader = "X-Hub-Signature-256", SignaturePrefix = "sha256=" };

        WebhookSigner.Hmac("It's a Secret to Everybody", scheme).Sign(null, null, "Hello, World!"u8)
            .Should().Be("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    [Fact]
    public void Sign_TimestampHeaderWithTheDefaultTemplate_ReproducesStripesV1()
    {
        var scheme = new HmacWebhookOptions { SignatureHeader = "X-Signature", TimestampHeader = "X-Timestamp" };
        var signer = WebhookSigner.Hmac(StripeVectors.Secret, scheme, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(StripeVectors.Timestamp)));

        var signature = signer.Sign(StripeVectors.Body, null, out var timestamp);

        timestamp.Should().Be("1700000000");
        signature.Should().Be(StripeVectors.V1);
        signer.TimestampHeader.Should().Be("X-Timestamp");
    }

    [Fact]
    public void Sign_SlackLikeTemplate_ReproducesSlacksVector()
    {
        var scheme = new HmacWebhookOptions { SignatureHeader = "X-Slack-Signature", SignaturePrefix = "v0=", TimestampHeader = "X-Slack-Request-Timestamp", SignedContent = "v0:{timestamp}:{body}" };
        var body = Encoding.UTF8.GetBytes(
            "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

        WebhookSigner.Hmac("8f742231b10e8888abcd99yyyzzz85a5", scheme).Sign("1531420618", null, body)
            .Should().Be("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    [Fact]
    public void Sign_Base64_ReproducesShopifysVector()
    {
        var scheme = new HmacWebhookOptions { SignatureHeader = "X-Shopify-Hmac-Sha256", SignatureEncoding = HmacSignatureEncoding.Base64 };

        WebhookSigner.Hmac("hush", scheme).Sign(null, null, """{"id":1}"""u8).Should().Be("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=");
    }

    [Theory]
    [InlineData(HmacSignatureAlgorithm.Sha256, HmacSignatureEncoding.Hex)]
    [InlineData(HmacSignatureAlgorithm.Sha1, HmacSignatureEncoding.Base64)]
    [InlineData(HmacSignatureAlgorithm.Sha512, HmacSignatureEncoding.Base64)]
    public void Sign_IdAndTimestampTemplate_IsVerifiedByTheGenericVerifier(HmacSignatureAlgorithm algorithm, HmacSignatureEncoding encoding)
    {
        const string secret = "hmac-signer-unit-secret-0123";
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_760_000_000));
        var scheme = new HmacWebhookOptions
        {
            SignatureHeader = "X-Sig",
            SignaturePrefix = "t1=",
            Algorithm = algorithm,
            SignatureEncoding = encoding,
            TimestampHeader = "X-Ts",
            SignedContent = "{id}:{timestamp}.{body}",
            EventIdHeader = "X-Id",
            EventTypeProperty = "type",
        };
        scheme.Secrets.Add(secret);
        var body = """{"type":"invoice.paid"}"""u8.ToArray();

        var signature = WebhookSigner.Hmac(secret, scheme, clock).Sign(body, "evt-1", out var timestamp);
        var headers = new HeaderDictionary { ["X-Sig"] = signature, ["X-Ts"] = timestamp, ["X-Id"] = "evt-1" };

        new HmacWebhookVerifier(scheme, clock).Verify(headers, body).IsVerified.Should().BeTrue();
        headers["X-Id"] = "evt-2";
        new HmacWebhookVerifier(scheme, clock).Verify(headers, body).IsVerified.Should().BeFalse("the id is signed");
    }

    [Theory]
    [InlineData(null, "{body}")]
    [InlineData("X-Signature", "{body}.")]
    [InlineData("X-Signature", "{nonce}.{body}")]
    public void Create_OrSign_WithAnUnusableScheme_Throws(string? signatureHeader, string signedContent)
    {
        var scheme = new HmacWebhookOptions { SignatureHeader = signatureHeader, SignedContent = signedContent };

        var sign = () => WebhookSigner.Hmac("hmac-signer-unit-secret-0123", scheme).Sign(null, null, "{}"u8);

        sign.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Sign_TemplateWithIdButNoId_Throws()
    {
        var scheme = new HmacWebhookOptions { SignatureHeader = "X-Signature", SignedContent = "{id}.{body}", EventIdHeader = "X-Id" };

        var sign = () => WebhookSigner.Hmac("hmac-signer-unit-secret-0123", scheme).Sign(null, null, "{}"u8);

        sign.Should().Throw<ArgumentException>().WithParameterName("eventId");
    }
}
