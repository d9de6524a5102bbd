using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Paddle;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.Paddle;

/// <summary>The public Paddle verifier, outside any endpoint: every case of Paddle's SDK test, rotation, the tolerance.</summary>
public sealed class PaddleWebhookVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(PaddleVectors.Body);

    private static PaddleWebhookVerifier Verifier(long now = PaddleVectors.Now, TimeSpan? tolerance = null, params string[] secrets)
    {
        var options = new PaddleWebhookOptions { Tolerance = tolerance ?? TimeSpan.FromMinutes(5) };
        foreach (var secret in secrets.Length == 0 ? [PaddleVectors.Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new PaddleWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    private static HeaderDictionary Headers(string signature) => new() { ["Paddle-Signature"] = signature };

    [Fact]
    public void Verify_PaddleSdkValidSignature_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(Headers(PaddleVectors.Header), Body));

    [Fact]
    public void Verify_PaddleSdkSeveralHashesAndAnUnknownScheme_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(Headers(PaddleVectors.SecondHeader), Encoding.UTF8.GetBytes(PaddleVectors.SecondBody)));

    [Fact]
    public void Verify_PaddleSdkInvalidSecret_IsMismatch() =>
        VerifierAssert.Refused(Verifier(secrets: "INVALID_VALID_SECRET").Verify(Headers(PaddleVectors.Header), Body), WebhookVerificationFailure.SignatureMismatch, "INVALID_VALID_SECRET", "a3004287");

    [Fact]
    public void Verify_PaddleSdkRespacedBody_IsMismatch() =>
        VerifierAssert.Refused(Verifier().Verify(Headers(PaddleVectors.Header), Encoding.UTF8.GetBytes(PaddleVectors.RespacedBody)), WebhookVerificationFailure.SignatureMismatch);

    [Fact]
    public void Verify_PaddleSdkInvalidTimestamp_IsOutsideTheTolerance() =>
        VerifierAssert.Refused(Verifier().Verify(Headers("ts=9876;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9"), Body), WebhookVerificationFailure.TimestampOutsideTolerance);

    [Theory]
    [InlineData("ts=1234;h1=invalid_signature", WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData("ts=1698796800;h1=invalid_signature", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("invalid_header", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData("h1=invalid_header", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData("ts=1698796800;h2=invalid_header", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("ts=1698796800;ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData("ts=-1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData("ts=1698796800;H1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("ts=1698796800,h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    public void Verify_PaddleSdkBadHeadersAndMore_AreRefusedWithAFixedReason(string header, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(Headers(header), Body), failure, PaddleVectors.Secret, "a3004287", "invalid_");

    [Fact]
    public void Verify_HeaderMissingOrRepeated_IsMissing()
    {
        VerifierAssert.Refused(Verifier().Verify(new HeaderDictionary(), Body), WebhookVerificationFailure.SignatureMissing);
        VerifierAssert.Refused(
            Verifier().Verify(new HeaderDictionary { ["Paddle-Signature"] = new[] { PaddleVectors.Header, PaddleVectors.Header } }, Body),
            WebhookVerificationFailure.SignatureMissing,
            PaddleVectors.Header);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(-5, true)]
    [InlineData(-6, false)]
    public void Verify_WithPaddlesOwnFiveSecondTolerance_AcceptsBothEndsInclusive(long offsetSeconds, bool verified)
    {
        // Paddle's SDK: valid at 00:00:05, refused at 00:00:06. Ours is symmetric: a timestamp from the future is judged the same.
        var result = Verifier(PaddleVectors.Now + offsetSeconds, TimeSpan.FromSeconds(5)).Verify(Headers(PaddleVectors.Header), Body);

        result.IsVerified.Should().Be(verified, result.ToString());
    }

    [Fact]
    public void Verify_PaddleSdkFewDaysLater_IsOutsideTheDefaultTolerance() =>
        VerifierAssert.Refused(Verifier(PaddleVectors.Now + (4 * 86400)).Verify(Headers(PaddleVectors.Header), Body), WebhookVerificationFailure.TimestampOutsideTolerance);

    [Fact]
    public void Verify_OneH1PerSecretDuringRotation_MatchesEitherSecretAndAnyOrder()
    {
        const string newSecret = "pdl_ntfset_the_new_endpoint_secret";
        var newH1 = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(newSecret), Encoding.UTF8.GetBytes("1698796800:").Concat(Body).ToArray()));
        var oldH1 = PaddleVectors.Header["ts=1698796800;h1=".Length..];

        VerifierAssert.Verified(Verifier(secrets: newSecret).Verify(Headers($"ts=1698796800;h1={oldH1};h1={newH1}"), Body));
        VerifierAssert.Verified(Verifier(secrets: PaddleVectors.Secret).Verify(Headers($"ts=1698796800;h1={newH1};h1={oldH1}"), Body));
        VerifierAssert.Verified(Verifier(secrets: ["pdl_ntfset_an_unrelated_secret_1", newSecret]).Verify(Headers($"ts=1698796800; h1={newH1}"), Body));
    }
}
