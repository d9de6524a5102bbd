using System.Text;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Testing;

using WebhookKit.Tests.Providers.Stripe;

namespace WebhookKit.Tests.Testing;

/// <summary>The test signers reproduce the providers' own known answers.</summary>
public sealed class WebhookSignerTests
{
    [Fact]
    public void GitHub_DocumentationVector_IsReproduced()
    {
        var signer = WebhookSigner.GitHub("It's a Secret to Everybody");

        signer.Sign("Hello, World!"u8).Should().Be("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        signer.SignSha1("Hello, World!"u8).Should().Be("sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59");
    }

    [Fact]
    public void Stripe_KnownVector_IsReproduced()
    {
        var signer = WebhookSigner.Stripe(StripeVectors.Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(StripeVectors.Timestamp)));

        signer.Sign(StripeVectors.Body)
            .Should().Be($"t={StripeVectors.Timestamp},v1={StripeVectors.V1}");
    }

    [Theory]
    [InlineData("whsec_old_secret_value", "1d9852b34656df05d54e64c69197dc96bbd3854cb0c50e345232cd91903a98af")]
    [InlineData("whsec_new_secret_value", "3ba6fc5ffbf85eff0f9ec6d60085a5b025c88b073da16d58b576d3f5263a4b50")]
    public void Stripe_RotationVectors_AreReproduced(string secret, string expectedV1)
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"evt_3Q","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1","object":"payment_intent","amount":2000}}}""");

        WebhookSigner.Stripe(secret).ComputeV1("1732300000", body).Should().Be(expectedV1);
    }

    [Fact]
    public void StandardWebhooks_SpecificationVector_IsReproduced()
    {
        var signer = WebhookSigner.StandardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        signer.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", """{"test": 2432232314}"""u8)
            .Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public void StandardWebhooks_SecretWithoutPrefix_IsRejected()
    {
        var create = () => WebhookSigner.StandardWebhooks("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        create.Should().Throw<ArgumentException>();
    }
}
