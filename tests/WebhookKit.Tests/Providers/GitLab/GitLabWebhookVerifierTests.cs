using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.GitLab;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.GitLab;

/// <summary>The public GitLab verifier, outside any endpoint: secret tokens, and signing tokens against the Standard Webhooks vector.</summary>
public sealed class GitLabWebhookVerifierTests
{
    private const string Token = "gitlab-secret-token";
    private const string SigningToken = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const long Timestamp = 1614265330;
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    private static GitLabWebhookVerifier Verifier(string[] tokens, params string[] signingTokens)
    {
        var options = new GitLabWebhookOptions();
        foreach (var token in tokens)
        {
            options.Secrets.Add(token);
        }

        foreach (var token in signingTokens)
        {
            options.SigningTokens.Add(token);
        }

        return new GitLabWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Timestamp)));
    }

    private static HeaderDictionary Signed(string signature = Signature, string timestamp = "1614265330") => new()
    {
        ["webhook-id"] = "msg_p5jXN8AQM9LWM0D4loKWxJek",
        ["webhook-timestamp"] = timestamp,
        ["webhook-signature"] = signature,
    };

    [Fact]
    public void Verify_Token_IsVerified() =>
        VerifierAssert.Verified(Verifier([Token]).Verify(new HeaderDictionary { ["X-Gitlab-Token"] = Token }, Body));

    [Fact]
    public void Verify_SigningTokenVector_IsVerified() =>
        VerifierAssert.Verified(Verifier([], SigningToken).Verify(Signed(), Body));

    [Theory]
    [InlineData(null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("gitlab-secret-token ", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("another-secret-token", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_TokenMissingOrWrong_IsRefusedWithAFixedReason(string? token, WebhookVerificationFailure failure)
    {
        var headers = token is null ? new HeaderDictionary() : new HeaderDictionary { ["X-Gitlab-Token"] = token };

        VerifierAssert.Refused(Verifier([Token]).Verify(headers, Body), failure, Token, "another-secret-token");
    }

    [Fact]
    public void Verify_WrongSignatureWithTheRightToken_IsRefused()
    {
        var headers = Signed("v1,h0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        headers["X-Gitlab-Token"] = Token;

        VerifierAssert.Refused(Verifier([Token], SigningToken).Verify(headers, Body), WebhookVerificationFailure.SignatureMismatch, Token, SigningToken, "h0hM9SsE");
    }

    [Fact]
    public void Verify_SigningTokensOnlyAndNoSignature_IsRefused() =>
        VerifierAssert.Refused(
            Verifier([], SigningToken).Verify(new HeaderDictionary { ["X-Gitlab-Token"] = Token }, Body),
            WebhookVerificationFailure.SignatureMissing,
            SigningToken,
            Token);

    [Fact]
    public void Verify_StaleSignedTimestamp_IsRefused() =>
        VerifierAssert.Refused(Verifier([Token], SigningToken).Verify(Signed(timestamp: "1614264000"), Body), WebhookVerificationFailure.TimestampOutsideTolerance, SigningToken);

    [Fact]
    public void Verify_MatchOnTheLastOfManyTokens_IsVerified()
    {
        var tokens = Enumerable.Range(0, 8).Select(i => $"retired-token-{i}-0123456789").Append(Token).ToArray();

        VerifierAssert.Verified(Verifier(tokens).Verify(new HeaderDictionary { ["X-Gitlab-Token"] = Token }, Body));
        VerifierAssert.Verified(Verifier([], "whsec_" + Convert.ToBase64String(new byte[24]), "whsec_" + Convert.ToBase64String(new byte[32]), SigningToken).Verify(Signed(), Body));
    }

    [Fact]
    public void Verify_WrongTokenWithManyTokens_IsRefused()
    {
        var tokens = Enumerable.Range(0, 8).Select(i => $"retired-token-{i}-0123456789").ToArray();

        VerifierAssert.Refused(Verifier(tokens).Verify(new HeaderDictionary { ["X-Gitlab-Token"] = Token }, Body), WebhookVerificationFailure.SignatureMismatch, [.. tokens, Token]);
    }
}
