using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookKit.GitHub;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.GitHub;

/// <summary>The public GitHub verifier, outside any endpoint: GitHub's documentation vector and every refusal.</summary>
public sealed class GitHubWebhookVerifierTests
{
    private const string Secret = "It's a Secret to Everybody";
    private const string Sha256 = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private const string Sha1 = "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    private static GitHubWebhookVerifier Verifier(bool allowSha1 = false, params string[] secrets)
    {
        var options = new GitHubWebhookOptions { AllowSha1Signatures = allowSha1 };
        foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new GitHubWebhookVerifier(options);
    }

    [Fact]
    public void Verify_DocumentationVector_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = Sha256 }, Body));

    [Fact]
    public void Verify_LegacySha1_IsVerifiedOnlyWhenAllowed()
    {
        var headers = new HeaderDictionary { ["X-Hub-Signature"] = Sha1 };

        VerifierAssert.Verified(Verifier(allowSha1: true).Verify(headers, Body));
        VerifierAssert.Refused(Verifier().Verify(headers, Body), WebhookVerificationFailure.SignatureMissing, Secret, Sha1[5..]);
    }

    [Fact]
    public void Verify_Sha256Present_IsJudgedBySha256Alone()
    {
        var headers = new HeaderDictionary { ["X-Hub-Signature-256"] = "sha256=" + new string('0', 64), ["X-Hub-Signature"] = Sha1 };

        VerifierAssert.Refused(Verifier(allowSha1: true).Verify(headers, Body), WebhookVerificationFailure.SignatureMismatch, Secret);
    }

    public static TheoryData<string?[], WebhookVerificationFailure> Refusals => new()
    {
        { [], WebhookVerificationFailure.SignatureMissing },
        { [Sha256, Sha256], WebhookVerificationFailure.SignatureMissing },
        { [""], WebhookVerificationFailure.SignatureMissing },
        { ["757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"], WebhookVerificationFailure.SignatureMalformed },
        { ["sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59"], WebhookVerificationFailure.SignatureMalformed },
        { [Sha256[..^2]], WebhookVerificationFailure.SignatureMalformed },
        { ["sha256=" + new string('z', 64)], WebhookVerificationFailure.SignatureMalformed },
        { ["sha256=657107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"], WebhookVerificationFailure.SignatureMismatch },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Verify_MissingMalformedOrWrongSignature_IsRefusedWithAFixedReason(string?[] values, WebhookVerificationFailure failure)
    {
        var headers = new HeaderDictionary();
        if (values.Length > 0)
        {
            headers["X-Hub-Signature-256"] = values;
        }

        VerifierAssert.Refused(Verifier().Verify(headers, Body), failure, Secret, "757107ea", "657107ea");
    }

    [Fact]
    public void Verify_OtherBody_IsAMismatch() =>
        VerifierAssert.Refused(
            Verifier().Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = Sha256 }, "Hello, World?"u8),
            WebhookVerificationFailure.SignatureMismatch,
            Secret,
            Sha256[7..]);

    [Fact]
    public void Verify_MatchOnTheLastOfManySecrets_IsVerified()
    {
        var secrets = Enumerable.Range(0, 9).Select(i => $"old-secret-{i}-0123456789").Append(Secret).ToArray();

        VerifierAssert.Verified(Verifier(false, secrets).Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = Sha256 }, Body));
    }

    [Fact]
    public void Verify_WrongSignatureWithManySecrets_IsRefused()
    {
        var secrets = Enumerable.Range(0, 10).Select(i => $"old-secret-{i}-0123456789").ToArray();
        var signedWithAnother = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("unknown-secret-0123456789"u8, Body));

        VerifierAssert.Refused(
            Verifier(false, secrets).Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = Sha256 }, Body),
            WebhookVerificationFailure.SignatureMismatch,
            [.. secrets, Sha256[7..]]);
        VerifierAssert.Refused(
            Verifier(false, secrets).Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = signedWithAnother }, Body),
            WebhookVerificationFailure.SignatureMismatch,
            [.. secrets, signedWithAnother[7..]]);
    }
}
