using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Stripe;
using WebhookKit.Verification;

using static WebhookKit.Tests.Providers.Stripe.StripeVectors;

namespace WebhookKit.Tests.Providers.Stripe;

/// <summary>The public Stripe verifier, outside any endpoint: Stripe's known answers (StripeVectors) and every refusal.</summary>
public sealed class StripeWebhookVerifierTests
{
    private static StripeWebhookVerifier Verifier(long now, params string[] secrets)
    {
        var options = new StripeWebhookOptions();
        foreach (var secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        return new StripeWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    private static HeaderDictionary Signed(string signature) => new() { ["Stripe-Signature"] = signature };

    [Fact]
    public void Verify_KnownVector_IsVerified() =>
        VerifierAssert.Verified(Verifier(Timestamp, Secret).Verify(Signed($"t={Timestamp},v1={V1}"), Body));

    [Theory]
    [InlineData(OldSecret)]
    [InlineData(NewSecret)]
    public void Verify_RotationVectorWithBothSignatures_IsVerifiedByEitherSecret(string secret) =>
        VerifierAssert.Verified(Verifier(RotationTimestamp, secret).Verify(Signed($"t={RotationTimestamp},v1={OldV1},v1={NewV1}"), RotationBody));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_AtTheTolerance_IsVerified(long offset) =>
        VerifierAssert.Verified(Verifier(Timestamp + offset, Secret).Verify(Signed($"t={Timestamp},v1={V1}"), Body));

    [Theory]
    [InlineData(null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    [InlineData($"v1={V1}", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData($"t=,v1={V1}", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData($"t=-1700000000,v1={V1}", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData($"t=1700000000,t=1700000000,v1={V1}", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData($"t=1699999699,v1={V1}", WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData($"t=1700000301,v1={V1}", WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData($"t=1700000000,v0={V1}", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("t=1700000000,v1=84a11abdd08483d064a2a1571e7881b084c522f9f3ccd0b800ec8c74aba47fc2", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("t=1700000000,v1=zz", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MissingMalformedStaleOrWrong_IsRefusedWithAFixedReason(string? signature, WebhookVerificationFailure failure)
    {
        var headers = signature is null ? new HeaderDictionary() : Signed(signature);

        VerifierAssert.Refused(Verifier(Timestamp, Secret).Verify(headers, Body), failure, Secret, V1, "84a11abd");
    }

    [Fact]
    public void Verify_StaleTimestamp_HasTheOneToleranceText() =>
        Verifier(Timestamp + 3600, Secret).Verify(Signed($"t={Timestamp},v1={V1}"), Body).Description.Should().Be("timestamp outside tolerance");

    [Fact]
    public void Verify_MatchOnTheLastOfManySecrets_IsVerified()
    {
        var secrets = Enumerable.Range(0, 7).Select(i => $"whsec_retired_{i}").Append(Secret).ToArray();

        VerifierAssert.Verified(Verifier(Timestamp, secrets).Verify(Signed($"t={Timestamp},v1={V1}"), Body));
    }

    [Fact]
    public void Verify_WrongSignaturesWithManySecrets_AreRefused()
    {
        var secrets = Enumerable.Range(0, 8).Select(i => $"whsec_retired_{i}").ToArray();

        VerifierAssert.Refused(
            Verifier(Timestamp, secrets).Verify(Signed($"t={Timestamp},v1={V1},v1={OldV1},v1={NewV1}"), Body),
            WebhookVerificationFailure.SignatureMismatch,
            [.. secrets, V1, OldV1, NewV1]);
    }

    [Fact]
    public void Verify_ManyEntriesBeyondTheStackBuffer_StillFindsTheMatch()
    {
        var wrong = string.Join(',', Enumerable.Range(0, 20).Select(i => $"v1={i:D64}"));

        VerifierAssert.Verified(Verifier(Timestamp, Secret).Verify(Signed($"t={Timestamp},{wrong},v1={V1}"), Body));
    }
}
