using WebhookKit.Verification;

namespace WebhookKit.Tests.Verification;

public sealed class WebhookVerificationResultTests
{
    [Fact]
    public void Verified_IsVerifiedWithNoFailureAndNoDescription()
    {
        var result = WebhookVerificationResult.Verified;

        result.IsVerified.Should().BeTrue();
        result.Failure.Should().Be(WebhookVerificationFailure.None);
        result.Description.Should().BeEmpty();
        result.ToString().Should().Be("verified");
    }

    [Fact]
    public void Default_IsNotVerified()
    {
        var result = default(WebhookVerificationResult);

        result.IsVerified.Should().BeFalse("a result nobody set must never read as verified");
        result.Description.Should().BeEmpty();
    }

    [Fact]
    public void Failed_CarriesTheFailureAndItsText()
    {
        var result = WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, "X-Acme-Signature not matching");

        result.IsVerified.Should().BeFalse();
        result.Failure.Should().Be(WebhookVerificationFailure.SignatureMismatch);
        result.Description.Should().Be("X-Acme-Signature not matching");
        result.ToString().Should().Be("SignatureMismatch: X-Acme-Signature not matching");
    }

    [Fact]
    public void Failed_WithoutAFailureOrText_Throws()
    {
        var none = () => WebhookVerificationResult.Failed(WebhookVerificationFailure.None, "text");
        var empty = () => WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, "");

        none.Should().Throw<ArgumentOutOfRangeException>();
        empty.Should().Throw<ArgumentException>();
    }
}
