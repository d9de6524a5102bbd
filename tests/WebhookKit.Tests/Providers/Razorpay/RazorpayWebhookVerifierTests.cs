using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookKit.Razorpay;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.Razorpay;

/// <summary>The public Razorpay verifier, outside any endpoint: Razorpay's vector, rotation and every refusal.</summary>
public sealed class RazorpayWebhookVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(RazorpayVectors.Body);

    private static RazorpayWebhookVerifier Verifier(params string[] secrets)
    {
        var options = new RazorpayWebhookOptions();
        foreach (var secret in secrets.Length == 0 ? [RazorpayVectors.Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new RazorpayWebhookVerifier(options);
    }

    private static HeaderDictionary Headers(string signature) => new() { ["X-Razorpay-Signature"] = signature };

    [Fact]
    public void Verify_RazorpaySdkVector_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(Headers(RazorpayVectors.Signature), Body));

    [Fact]
    public void Verify_RazorpaySdkVectorInUpperCaseHex_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(Headers(RazorpayVectors.Signature.ToUpperInvariant()), Body));

    [Theory]
    [InlineData(null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    [InlineData(RazorpayVectors.WrongSignature, WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("sha256=2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3b", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("L+BOIpdwAubHy1U62ri0YMueKklw1ZU8snqEcnUuO7w=", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("3fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MissingMalformedOrWrong_IsRefusedWithAFixedReason(string? signature, WebhookVerificationFailure failure)
    {
        var headers = signature is null ? new HeaderDictionary() : Headers(signature);

        VerifierAssert.Refused(Verifier().Verify(headers, Body), failure, RazorpayVectors.Secret, "2fe04e22", "3fe04e22", "sdfafds");
    }

    [Fact]
    public void Verify_TamperedBody_IsMismatch() =>
        VerifierAssert.Refused(Verifier().Verify(Headers(RazorpayVectors.Signature), """{"a":1,"b":2,"c":{"d":4}}"""u8), WebhookVerificationFailure.SignatureMismatch);

    [Fact]
    public void Verify_RepeatedHeader_IsMissing() =>
        VerifierAssert.Refused(
            Verifier().Verify(new HeaderDictionary { ["X-Razorpay-Signature"] = new[] { RazorpayVectors.Signature, RazorpayVectors.Signature } }, Body),
            WebhookVerificationFailure.SignatureMissing,
            RazorpayVectors.Signature);

    [Fact]
    public void Verify_OldSecretStillConfiguredAfterAChange_VerifiesRetriesOfOlderEvents()
    {
        // Razorpay signs retries of events created before a secret change with the old secret.
        var verifier = Verifier("the-new-razorpay-webhook-secret", RazorpayVectors.Secret);
        var signedWithNew = Convert.ToHexStringLower(HMACSHA256.HashData("the-new-razorpay-webhook-secret"u8, Body));

        VerifierAssert.Verified(verifier.Verify(Headers(RazorpayVectors.Signature), Body));
        VerifierAssert.Verified(verifier.Verify(Headers(signedWithNew), Body));
    }

    [Fact]
    public void Verify_WrongSignatureWithManySecrets_IsRefused()
    {
        var secrets = Enumerable.Range(0, 12).Select(i => $"old-webhook-secret-{i}").ToArray();
        var other = Convert.ToHexStringLower(HMACSHA256.HashData("not-configured-secret"u8, Body));

        VerifierAssert.Refused(Verifier(secrets).Verify(Headers(other), Body), WebhookVerificationFailure.SignatureMismatch, [.. secrets, other]);
    }
}
