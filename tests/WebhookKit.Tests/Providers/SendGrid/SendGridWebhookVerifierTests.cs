using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.SendGrid;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.SendGrid;

/// <summary>The public SendGrid verifier, outside any endpoint: SendGrid's known answer (<see cref="SendGridVectors"/>) and every refusal.</summary>
public sealed class SendGridWebhookVerifierTests
{
    private static SendGridWebhookVerifier Verifier(long now = SendGridVectors.TimestampSeconds, params string[] keys)
    {
        var options = new SendGridWebhookOptions();
        foreach (var key in keys.Length == 0 ? [SendGridVectors.PublicKey] : keys)
        {
            options.PublicKeys.Add(key);
        }

        return new SendGridWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    private static HeaderDictionary Headers(string? signature = SendGridVectors.Signature, string? timestamp = SendGridVectors.Timestamp)
    {
        var headers = new HeaderDictionary();
        if (signature is not null)
        {
            headers["X-Twilio-Email-Event-Webhook-Signature"] = signature;
        }

        if (timestamp is not null)
        {
            headers["X-Twilio-Email-Event-Webhook-Timestamp"] = timestamp;
        }

        return headers;
    }

    [Fact]
    public void Verify_SendGridKnownAnswer_IsVerified() =>
        VerifierAssert.Verified(Verifier().Verify(Headers(), SendGridVectors.Body));

    [Fact]
    public void Verify_KnownAnswerWithoutTrailingCrLf_IsRefused() =>
        VerifierAssert.Refused(Verifier().Verify(Headers(), SendGridVectors.Body.AsSpan(0, SendGridVectors.Body.Length - 2)), WebhookVerificationFailure.SignatureMismatch);

    [Fact]
    public void Verify_KnownAnswerUnderAnotherKey_IsRefused() =>
        VerifierAssert.Refused(Verifier(keys: SendGridVectors.OtherPublicKey).Verify(Headers(), SendGridVectors.Body), WebhookVerificationFailure.SignatureMismatch, SendGridVectors.OtherPublicKey);

    [Fact]
    public void Verify_SendGridsWrongSignature_IsRefused() =>
        VerifierAssert.Refused(Verifier().Verify(Headers(SendGridVectors.OtherSignature), SendGridVectors.Body), WebhookVerificationFailure.SignatureMismatch, SendGridVectors.OtherSignature);

    [Fact]
    public void Verify_OtherTimestampSameSignature_IsRefused() =>
        VerifierAssert.Refused(Verifier().Verify(Headers(timestamp: "1600112503"), SendGridVectors.Body), WebhookVerificationFailure.SignatureMismatch);

    [Theory]
    [InlineData(null, SendGridVectors.Timestamp, WebhookVerificationFailure.SignatureMissing)]
    [InlineData("", SendGridVectors.Timestamp, WebhookVerificationFailure.SignatureMissing)]
    [InlineData(SendGridVectors.Signature, null, WebhookVerificationFailure.TimestampMissing)]
    [InlineData(SendGridVectors.Signature, "timestamp", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData(SendGridVectors.Signature, "-1600112502", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData(SendGridVectors.Signature, "1600112803", WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData("not base64!", SendGridVectors.Timestamp, WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM", SendGridVectors.Timestamp, WebhookVerificationFailure.SignatureMalformed)]
    [InlineData("AAAA", SendGridVectors.Timestamp, WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MissingMalformedStaleOrWrong_IsRefusedWithAFixedReason(string? signature, string? timestamp, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(Headers(signature, timestamp), SendGridVectors.Body), failure, SendGridVectors.PublicKey, "MEUCIGHQ");

    [Fact]
    public void Verify_SignatureLongerThanAnyP256Signature_IsMalformedBeforeDecoding()
    {
        // 73 bytes in base64: one more than the longest DER signature of P-256.
        var tooLong = Convert.ToBase64String(new byte[73]);

        VerifierAssert.Refused(Verifier().Verify(Headers(tooLong), SendGridVectors.Body), WebhookVerificationFailure.SignatureMalformed);
    }

    [Fact]
    public void Verify_RepeatedSignatureHeader_IsMissing() =>
        VerifierAssert.Refused(
            Verifier().Verify(new HeaderDictionary { ["X-Twilio-Email-Event-Webhook-Signature"] = new[] { SendGridVectors.Signature, SendGridVectors.Signature }, ["X-Twilio-Email-Event-Webhook-Timestamp"] = SendGridVectors.Timestamp }, SendGridVectors.Body),
            WebhookVerificationFailure.SignatureMissing);

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtTheEdgeOfTolerance_IsVerified(int offsetSeconds)
    {
        using var key = SendGridVectors.NewKey();
        var timestamp = (SendGridVectors.TimestampSeconds + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        var result = Verifier(keys: SendGridVectors.PublicKeyOf(key)).Verify(Headers(SendGridVectors.Sign(key, timestamp, SendGridVectors.Body), timestamp), SendGridVectors.Body);

        VerifierAssert.Verified(result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Verify_OldAndNewKeyConfigured_AcceptsEitherDuringRotation(bool newKeyFirst)
    {
        using var newKey = SendGridVectors.NewKey();
        var newPublicKey = SendGridVectors.PublicKeyOf(newKey);
        var verifier = newKeyFirst ? Verifier(keys: [newPublicKey, SendGridVectors.PublicKey]) : Verifier(keys: [SendGridVectors.PublicKey, newPublicKey]);

        VerifierAssert.Verified(verifier.Verify(Headers(), SendGridVectors.Body));
        VerifierAssert.Verified(verifier.Verify(Headers(SendGridVectors.Sign(newKey, SendGridVectors.Timestamp, SendGridVectors.Body)), SendGridVectors.Body));
    }

    [Fact]
    public void Verify_ManyThreadsAtOnce_AllVerifyWithOneSharedVerifier()
    {
        // The keys are imported once and shared by every request: concurrent verification must be safe.
        var verifier = Verifier();
        var results = new bool[2000];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = verifier.Verify(Headers(i % 2 == 0 ? SendGridVectors.Signature : SendGridVectors.OtherSignature), SendGridVectors.Body).IsVerified);

        results.Where((verified, i) => verified != (i % 2 == 0)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F")]
    public void Constructor_KeyThatDoesNotImport_ThrowsWithoutQuotingIt(string key)
    {
        var options = new SendGridWebhookOptions();
        options.PublicKeys.Add(key);

        var act = () => new SendGridWebhookVerifier(options);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("PublicKeys[0]").And.NotContain(key);
    }

    [Fact]
    public void Constructor_P384Key_Throws()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var options = new SendGridWebhookOptions();
        options.PublicKeys.Add(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()));

        var act = () => new SendGridWebhookVerifier(options);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Constructor_PemPublicKey_IsImported()
    {
        using var key = SendGridVectors.NewKey();
        var options = new SendGridWebhookOptions();
        options.PublicKeys.Add(key.ExportSubjectPublicKeyInfoPem());
        var verifier = new SendGridWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SendGridVectors.TimestampSeconds)));

        VerifierAssert.Verified(verifier.Verify(Headers(SendGridVectors.Sign(key, SendGridVectors.Timestamp, SendGridVectors.Body)), SendGridVectors.Body));
    }

    [Fact]
    public void Constructor_PemPrivateKey_Throws()
    {
        using var key = SendGridVectors.NewKey();
        var options = new SendGridWebhookOptions();
        options.PublicKeys.Add(key.ExportPkcs8PrivateKeyPem());

        var act = () => new SendGridWebhookVerifier(options);

        act.Should().Throw<ArgumentException>();
    }
}
