using Microsoft.AspNetCore.Http;
using WebhookKit.SharedToken;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.SharedToken;

/// <summary>The public shared-token verifier, outside any endpoint: bearer and header tokens, every configured token tried, refusals.</summary>
public sealed class SharedTokenWebhookVerifierTests
{
    private const string Token = "zapier-shared-token-7e3b19c2";

    private static SharedTokenWebhookVerifier Verifier(string? tokenHeader = null, params string[] tokens)
    {
        var options = new SharedTokenWebhookOptions { TokenHeader = tokenHeader };
        foreach (var token in tokens.Length == 0 ? [Token] : tokens)
        {
            options.Secrets.Add(token);
        }

        return new SharedTokenWebhookVerifier(options);
    }

    [Theory]
    [InlineData("Bearer " + Token)]
    [InlineData("bearer " + Token)]
    [InlineData("BEARER   " + Token)]
    public void Verify_BearerToken_IsVerifiedWhateverTheSchemesCase(string authorization) =>
        VerifierAssert.Verified(Verifier().Verify(new HeaderDictionary { ["Authorization"] = authorization }));

    [Theory]
    [InlineData(null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    [InlineData(Token, WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("Basic " + Token, WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("Bearer", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("Bearer ", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("Bearer zapier-shared-token-7e3b19c", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("Bearer zapier-shared-token-7e3b19c2x", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("Bearer ZAPIER-SHARED-TOKEN-7E3B19C2", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("Bearer zapier-shared token-7e3b19c2", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MissingMalformedOrWrongBearer_IsRefusedWithoutQuotingIt(string? authorization, WebhookVerificationFailure failure)
    {
        var headers = authorization is null ? new HeaderDictionary() : new HeaderDictionary { ["Authorization"] = authorization };

        VerifierAssert.Refused(Verifier().Verify(headers), failure, Token, "zapier-shared");
    }

    [Fact]
    public void Verify_TokenInTheConfiguredHeader_IsVerifiedAndTheBearerHeaderIsNotLookedAt()
    {
        var verifier = Verifier("X-Webhook-Token");

        VerifierAssert.Verified(verifier.Verify(new HeaderDictionary { ["X-Webhook-Token"] = Token }));
        VerifierAssert.Refused(verifier.Verify(new HeaderDictionary { ["Authorization"] = "Bearer " + Token }), WebhookVerificationFailure.SignatureMissing, Token);
        VerifierAssert.Refused(verifier.Verify(new HeaderDictionary { ["X-Webhook-Token"] = "Bearer " + Token }), WebhookVerificationFailure.SignatureMismatch, Token);
    }

    [Fact]
    public void Verify_RepeatedTokenHeader_IsMissing() =>
        VerifierAssert.Refused(
            Verifier("X-Webhook-Token").Verify(new HeaderDictionary { ["X-Webhook-Token"] = new[] { Token, Token } }),
            WebhookVerificationFailure.SignatureMissing,
            Token);

    [Fact]
    public void Verify_EveryConfiguredTokenIsTried_SoAnyOfThemIsAcceptedDuringRotation()
    {
        string[] tokens = ["old-shared-token-0000000001", "old-shared-token-0000000002", Token];
        var verifier = Verifier(null, tokens);

        foreach (var token in tokens)
        {
            VerifierAssert.Verified(verifier.Verify(new HeaderDictionary { ["Authorization"] = "Bearer " + token }));
        }

        VerifierAssert.Refused(verifier.Verify(new HeaderDictionary { ["Authorization"] = "Bearer not-a-configured-token-123" }), WebhookVerificationFailure.SignatureMismatch, tokens);
    }
}
