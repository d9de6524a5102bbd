using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Slack;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.Slack;

/// <summary>The public Slack verifier, outside any endpoint: Slack's documentation vector and every refusal.</summary>
public sealed class SlackWebhookVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long Timestamp = 1531420618;
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static SlackWebhookVerifier Verifier(long now = Timestamp, params string[] secrets)
    {
        var options = new SlackWebhookOptions();
        foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new SlackWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    private static HeaderDictionary Headers(string? signature = Signature, string? timestamp = "1531420618")
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

        return headers;
    }

    [Fact]
    public void Verify_DocumentationVector_IsVerified() => VerifierAssert.Verified(Verifier().Verify(Headers(), Body));

    [Theory]
    [InlineData(null, "1531420618", WebhookVerificationFailure.SignatureMissing)]
    [InlineData(Signature, null, WebhookVerificationFailure.TimestampMissing)]
    [InlineData(Signature, "soon", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData(Signature, "01531420618000000000", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData(Signature, "1531420317", WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData(Signature, "1531420919", WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "1531420618", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("v0=a2114d57", "1531420618", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("v0=b2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "1531420618", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData(Signature, "1531420619", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MissingMalformedStaleOrWrong_IsRefusedWithAFixedReason(string? signature, string? timestamp, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(Headers(signature, timestamp), Body), failure, Secret, "a2114d57", "b2114d57");

    [Fact]
    public void Verify_MatchOnTheLastOfManySecrets_IsVerified()
    {
        var secrets = Enumerable.Range(0, 5).Select(i => $"retired-signing-secret-{i}").Append(Secret).ToArray();

        VerifierAssert.Verified(Verifier(Timestamp, secrets).Verify(Headers(), Body));
    }

    [Fact]
    public void Verify_WrongSignatureWithManySecrets_IsRefused()
    {
        var secrets = Enumerable.Range(0, 6).Select(i => $"retired-signing-secret-{i}").ToArray();

        VerifierAssert.Refused(Verifier(Timestamp, secrets).Verify(Headers(), Body), WebhookVerificationFailure.SignatureMismatch, [.. secrets, Signature[3..]]);
    }
}
