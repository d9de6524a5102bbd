using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers;

/// <summary>What every refusal of a public verifier must be: not verified, the expected failure, fixed text that quotes nothing secret.</summary>
internal static class VerifierAssert
{
    public static void Refused(WebhookVerificationResult result, WebhookVerificationFailure failure, params string[] neverQuoted)
    {
        result.IsVerified.Should().BeFalse();
        result.Failure.Should().Be(failure);
        result.Description.Should().NotBeNullOrEmpty();
        foreach (var secretOrSignature in neverQuoted.Where(value => value.Length > 0))
        {
            result.Description.Should().NotContain(secretOrSignature, "a reason is logged: it never holds a secret or a signature");
            result.ToString().Should().NotContain(secretOrSignature);
        }
    }

    public static void Verified(WebhookVerificationResult result)
    {
        result.IsVerified.Should().BeTrue(result.ToString());
        result.Failure.Should().Be(WebhookVerificationFailure.None);
    }
}
