using System.Text;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Testing;
using WebhookKit.Tests.Providers.Paddle;
using WebhookKit.Tests.Providers.Razorpay;

namespace WebhookKit.Tests.Testing;

/// <summary>
/// The signers of issue 19's HMAC providers reproduce the known answers their verifiers are tested with (Razorpay's and
/// Paddle's from their own SDKs, Bitbucket's computed with openssl), and the shared-token signer presents its token as
/// the receiver reads it.
/// </summary>
public sealed class PaymentAndRepositorySignerTests
{
    [Fact]
    public void Razorpay_NodeSdkVector_IsReproduced() =>
        WebhookSigner.Razorpay(RazorpayVectors.Secret).Sign(Encoding.UTF8.GetBytes(RazorpayVectors.Body)).Should().Be(RazorpayVectors.Signature);

    [Fact]
    public void Paddle_NodeSdkVector_IsReproducedAtItsTime()
    {
        var body = Encoding.UTF8.GetBytes(PaddleVectors.Body);

        WebhookSigner.Paddle(PaddleVectors.Secret).Sign(body, DateTimeOffset.FromUnixTimeSeconds(PaddleVectors.Now)).Should().Be(PaddleVectors.Header);
        WebhookSigner.Paddle(PaddleVectors.Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(PaddleVectors.Now))).Sign(body).Should().Be(PaddleVectors.Header);
    }

    [Fact]
    public void Paddle_ComputeH1_IsTheSdksSecondVectorsHash() =>
        WebhookSigner.Paddle(PaddleVectors.Secret).ComputeH1("1698796800", Encoding.UTF8.GetBytes(PaddleVectors.SecondBody))
            .Should().Be("28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261");

    [Fact]
    public void Bitbucket_OpensslVector_IsReproduced() =>
        WebhookSigner.Bitbucket("bitbucket-webhook-secret").Sign("""{"push":{"changes":[]}}"""u8)
            .Should().Be("sha256=08c13ac1a3ef2ac8b9f631fdc868d673e6add81eb5f9fe68ff01bd8afe7e339b");

    [Theory]
    [InlineData(null, "Authorization", "Bearer zapier-shared-token-0123")]
    [InlineData("X-Webhook-Token", "X-Webhook-Token", "zapier-shared-token-0123")]
    public void SharedToken_Header_IsBearerOrTheWholeValueOfTheConfiguredHeader(string? tokenHeader, string name, string value) =>
        WebhookSigner.SharedToken("zapier-shared-token-0123").Header(tokenHeader).Should().Be((name, value));
}
