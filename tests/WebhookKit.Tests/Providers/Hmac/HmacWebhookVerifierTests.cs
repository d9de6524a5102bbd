using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.Hmac;

/// <summary>The public HMAC verifier, outside any endpoint: the GitHub and Slack vectors as configuration, and every refusal.</summary>
public sealed class HmacWebhookVerifierTests
{
    private const string GitHubSecret = "It's a Secret to Everybody";
    private const string SlackSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string SlackSignature = "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const long SlackTimestamp = 1531420618;
    private static readonly byte[] HelloWorld = Encoding.UTF8.GetBytes("Hello, World!");
    private static readonly byte[] SlackBody = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static HmacWebhookVerifier Verifier(Action<HmacWebhookOptions> configure, params string[] secrets)
    {
        var options = new HmacWebhookOptions { EventIdHeader = "X-Id", EventTypeProperty = "type" };
        configure(options);
        foreach (var secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        return new HmacWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SlackTimestamp)));
    }

    private static HmacWebhookVerifier GitHubLike(HmacSignatureAlgorithm algorithm = HmacSignatureAlgorithm.Sha256, params string[] secrets) =>
        Verifier(
            o =>
            {
                o.SignatureHeader = "X-Signature";
                o.SignaturePrefix = algorithm == HmacSignatureAlgorithm.Sha1 ? "sha1=" : "sha256=";
                o.Algorithm = algorithm;
            },
            secrets.Length == 0 ? [GitHubSecret] : secrets);

    private static HmacWebhookVerifier SlackLike() =>
        Verifier(
            o =>
            {
                o.SignatureHeader = "X-Slack-Signature";
                o.SignaturePrefix = "v0=";
                o.TimestampHeader = "X-Slack-Request-Timestamp";
                o.SignedContent = "v0:{timestamp}:{body}";
            },
            SlackSecret);

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }

    [Theory]
    [InlineData(HmacSignatureAlgorithm.Sha256, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData(HmacSignatureAlgorithm.Sha1, "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59")]
    public void Verify_GitHubVectorsAsConfiguration_AreVerified(HmacSignatureAlgorithm algorithm, string signature) =>
        VerifierAssert.Verified(GitHubLike(algorithm).Verify(Headers(("X-Signature", signature)), HelloWorld));

    [Fact]
    public void Verify_Sha512_IsVerified()
    {
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(GitHubSecret), HelloWorld));

        VerifierAssert.Verified(GitHubLike(HmacSignatureAlgorithm.Sha512).Verify(Headers(("X-Signature", signature)), HelloWorld));
    }

    [Fact]
    public void Verify_SlackVectorAsTemplate_IsVerified() =>
        VerifierAssert.Verified(SlackLike().Verify(Headers(("X-Slack-Signature", "v0=" + SlackSignature), ("X-Slack-Request-Timestamp", "1531420618")), SlackBody));

    [Theory]
    [InlineData(null, "1531420618", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("v1=" + SlackSignature, "1531420618", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("v0=a2114d57", "1531420618", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("v0=" + SlackSignature, null, WebhookVerificationFailure.TimestampMissing)]
    [InlineData("v0=" + SlackSignature, "x1531420618", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData("v0=" + SlackSignature, "1531420000", WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData("v0=" + SlackSignature, "1531420619", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_SlackLikeMissingMalformedStaleOrWrong_IsRefusedWithAFixedReason(string? signature, string? timestamp, WebhookVerificationFailure failure)
    {
        var headers = new HeaderDictionary();
        if (signature is not null)
        {
            headers["X-Slack-Signature"] = signature;
        }

        if (timestamp is not null)
        {
            headers["X-Slack-Request-Timestamp"] = timestamp;
        }

        VerifierAssert.Refused(SlackLike().Verify(headers, SlackBody), failure, SlackSecret, "a2114d57");
    }

    [Fact]
    public void Verify_SignedIdMissingOrAmbiguous_IsRefused()
    {
        var verifier = Verifier(o => { o.SignatureHeader = "X-Signature"; o.SignedContent = "{id}.{body}"; }, "hmac-shared-secret-0123456789");
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData("hmac-shared-secret-0123456789"u8, "evt.1.{}"u8));

        VerifierAssert.Refused(verifier.Verify(Headers(("X-Signature", signature)), "{}"u8), WebhookVerificationFailure.IdMissing, signature);
        VerifierAssert.Refused(verifier.Verify(Headers(("X-Signature", signature), ("X-Id", "evt.1")), "{}"u8), WebhookVerificationFailure.IdMalformed, signature, "hmac-shared-secret");
        VerifierAssert.Verified(verifier.Verify(Headers(("X-Signature", Convert.ToHexStringLower(HMACSHA256.HashData("hmac-shared-secret-0123456789"u8, "evt_1.{}"u8))), ("X-Id", "evt_1")), "{}"u8));
    }

    [Fact]
    public void Verify_MatchOnTheLastOfManySecrets_IsVerified()
    {
        var secrets = Enumerable.Range(0, 6).Select(i => $"retired-secret-{i}-0123456789").Append(GitHubSecret).ToArray();

        VerifierAssert.Verified(GitHubLike(HmacSignatureAlgorithm.Sha256, secrets).Verify(Headers(("X-Signature", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")), HelloWorld));
    }

    [Fact]
    public void Verify_WrongSignatureWithManySecrets_IsRefused()
    {
        var secrets = Enumerable.Range(0, 9).Select(i => $"retired-secret-{i}-0123456789").ToArray();
        const string Signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        VerifierAssert.Refused(
            GitHubLike(HmacSignatureAlgorithm.Sha256, secrets).Verify(Headers(("X-Signature", Signature)), HelloWorld),
            WebhookVerificationFailure.SignatureMismatch,
            [.. secrets, Signature[7..]]);
    }
}
