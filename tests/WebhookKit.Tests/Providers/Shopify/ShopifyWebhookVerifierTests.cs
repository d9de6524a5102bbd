using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using WebhookKit.Shopify;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.Shopify;

/// <summary>The public Shopify verifier, outside any endpoint: Shopify's vector and every refusal.</summary>
public sealed class ShopifyWebhookVerifierTests
{
    private const string Secret = "hush";
    private const string Signature = "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=";
    private static readonly byte[] Body = """{"id":1}"""u8.ToArray();

    private static ShopifyWebhookVerifier Verifier(params string[] secrets)
    {
        var options = new ShopifyWebhookOptions();
        foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new ShopifyWebhookVerifier(options);
    }

    [Fact]
    public void Verify_KnownVector_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(new HeaderDictionary { ["X-Shopify-Hmac-Sha256"] = Signature }, Body));

    [Theory]
    [InlineData(null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("567294 8d9b0bb8de62656 8e7e449ed7015421 7d90c378de382e5cc2 35fc6479", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("5672948d9b0bb8de626568e7e449ed70154217d90c378de382e5cc235fc6479", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("WnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MissingMalformedOrWrong_IsRefusedWithAFixedReason(string? signature, WebhookVerificationFailure failure)
    {
        var headers = signature is null ? new HeaderDictionary() : new HeaderDictionary { ["X-Shopify-Hmac-Sha256"] = signature };

        VerifierAssert.Refused(Verifier().Verify(headers, Body), failure, Secret, "nKUjZsLuN5", "5672948d");
    }

    [Fact]
    public void Verify_RepeatedHeader_IsMissing() =>
        VerifierAssert.Refused(
            Verifier().Verify(new HeaderDictionary { ["X-Shopify-Hmac-Sha256"] = new[] { Signature, Signature } }, Body),
            WebhookVerificationFailure.SignatureMissing,
            Signature);

    [Fact]
    public void Verify_MatchOnTheLastOfManySecrets_IsVerified()
    {
        string[] secrets = ["old-client-secret-1", "old-client-secret-2", "old-client-secret-3", Secret];

        VerifierAssert.Verified(Verifier(secrets).Verify(new HeaderDictionary { ["X-Shopify-Hmac-Sha256"] = Signature }, Body));
    }

    [Fact]
    public void Verify_WrongSignatureWithManySecrets_IsRefused()
    {
        var secrets = Enumerable.Range(0, 12).Select(i => $"old-client-secret-{i}").ToArray();
        var other = Convert.ToBase64String(HMACSHA256.HashData("not-configured-secret"u8, Body));

        VerifierAssert.Refused(
            Verifier(secrets).Verify(new HeaderDictionary { ["X-Shopify-Hmac-Sha256"] = other }, Body),
            WebhookVerificationFailure.SignatureMismatch,
            [.. secrets, other]);
    }
}
