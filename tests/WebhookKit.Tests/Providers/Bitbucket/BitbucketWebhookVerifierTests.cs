using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using WebhookKit.Bitbucket;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.Bitbucket;

/// <summary>
/// The public Bitbucket verifier, outside any endpoint. Bitbucket publishes no known-answer vector; this one was
/// computed independently with <c>printf '%s' '{"push":{"changes":[]}}' | openssl dgst -sha256 -hmac bitbucket-webhook-secret</c>.
/// </summary>
public sealed class BitbucketWebhookVerifierTests
{
    private const string Secret = "bitbucket-webhook-secret";
    private const string Signature = "sha256=08c13ac1a3ef2ac8b9f631fdc868d673e6add81eb5f9fe68ff01bd8afe7e339b";
    private static readonly byte[] Body = """{"push":{"changes":[]}}"""u8.ToArray();

    private static BitbucketWebhookVerifier Verifier(params string[] secrets)
    {
        var options = new BitbucketWebhookOptions();
        foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new BitbucketWebhookVerifier(options);
    }

    private static HeaderDictionary Headers(string signature) => new() { ["X-Hub-Signature"] = signature };

    [Fact]
    public void Verify_OpensslVector_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(Headers(Signature), Body));

    [Theory]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("sha1=08c13ac1a3ef2ac8b9f631fdc868d673e6add81eb5f9fe68ff01bd8afe7e339b", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("SHA256=08c13ac1a3ef2ac8b9f631fdc868d673e6add81eb5f9fe68ff01bd8afe7e339b", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("08c13ac1a3ef2ac8b9f631fdc868d673e6add81eb5f9fe68ff01bd8afe7e339b", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("sha256=08c13ac1a3ef2ac8b9f631fdc868d673e6add81eb5f9fe68ff01bd8afe7e33", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("sha256=CMEawaPvKsm59jH9yGjWc+at2B61+f5o/wG9iv5+M5s=", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("sha256=18c13ac1a3ef2ac8b9f631fdc868d673e6add81eb5f9fe68ff01bd8afe7e339b", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MalformedOrWrong_IsRefusedWithAFixedReason(string signature, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(Headers(signature), Body), failure, Secret, "08c13ac1", "18c13ac1");

    [Fact]
    public void Verify_NoSignatureAsFromAHookWithoutSecret_IsMissing() =>
        VerifierAssert.Refused(Verifier().Verify(new HeaderDictionary { ["X-Event-Key"] = "repo:push", ["X-Hook-UUID"] = "{hook}" }, Body), WebhookVerificationFailure.SignatureMissing);

    [Fact]
    public void Verify_GitHubsSha256HeaderName_IsNotBitbucketsAndIsMissing() =>
        VerifierAssert.Refused(Verifier().Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = Signature }, Body), WebhookVerificationFailure.SignatureMissing);

    [Fact]
    public void Verify_RepeatedHeader_IsMissing() =>
        VerifierAssert.Refused(Verifier().Verify(new HeaderDictionary { ["X-Hub-Signature"] = new[] { Signature, Signature } }, Body), WebhookVerificationFailure.SignatureMissing, Signature);

    [Fact]
    public void Verify_TamperedBody_IsMismatch() =>
        VerifierAssert.Refused(Verifier().Verify(Headers(Signature), """{"push":{"changes":[{}]}}"""u8), WebhookVerificationFailure.SignatureMismatch);

    [Fact]
    public void Verify_MatchOnTheLastOfManySecrets_IsVerifiedAndAWrongOneRefused()
    {
        string[] secrets = ["old-bitbucket-secret-1", "old-bitbucket-secret-2", Secret];
        var other = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("not-configured-secret"u8, Body));

        VerifierAssert.Verified(Verifier(secrets).Verify(Headers(Signature), Body));
        VerifierAssert.Refused(Verifier(secrets).Verify(Headers(other), Body), WebhookVerificationFailure.SignatureMismatch, [.. secrets, other]);
    }
}
