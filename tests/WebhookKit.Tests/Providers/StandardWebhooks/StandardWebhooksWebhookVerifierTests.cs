using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.StandardWebhooks;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.StandardWebhooks;

/// <summary>The public Standard Webhooks verifier, outside any endpoint: the specification's vector and every refusal.</summary>
public sealed class StandardWebhooksWebhookVerifierTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    private static StandardWebhooksWebhookVerifier Verifier(params string[] secrets)
    {
        var options = new StandardWebhooksWebhookOptions();
        foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new StandardWebhooksWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Timestamp)));
    }

    private static HeaderDictionary Headers(string prefix = "webhook", string? id = Id, string? timestamp = "1614265330", string? signature = Signature)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in new[] { ("id", id), ("timestamp", timestamp), ("signature", signature) })
        {
            if (value is not null)
            {
                headers[$"{prefix}-{name}"] = value;
            }
        }

        return headers;
    }

    [Theory]
    [InlineData("webhook")]
    [InlineData("svix")]
    public void Verify_SpecificationVector_IsVerifiedUnderEitherHeaderNames(string prefix) =>
        VerifierAssert.Verified(Verifier().Verify(Headers(prefix), Body));

    [Fact]
    public void Verify_OtherVersionsAndWrongEntriesBeside_TheMatchingEntryIsEnough() =>
        VerifierAssert.Verified(Verifier().Verify(Headers(signature: "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,AAAA v1,h0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= " + Signature), Body));

    [Theory]
    [InlineData(Id, "1614265330", null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData(null, "1614265330", Signature, WebhookVerificationFailure.IdMissing)]
    [InlineData(Id, null, Signature, WebhookVerificationFailure.TimestampMissing)]
    [InlineData("msg.p5jXN8AQM9LWM0D4loKWxJek", "1614265330", Signature, WebhookVerificationFailure.IdMalformed)]
    [InlineData("msg_é", "1614265330", Signature, WebhookVerificationFailure.IdMalformed)]
    [InlineData(Id, "16142653.30", Signature, WebhookVerificationFailure.TimestampMalformed)]
    [InlineData(Id, "1614265029", Signature, WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData(Id, "1614265631", Signature, WebhookVerificationFailure.TimestampOutsideTolerance)]
    [InlineData(Id, "1614265331", Signature, WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("msg_other", "1614265330", Signature, WebhookVerificationFailure.SignatureMismatch)]
    [InlineData(Id, "1614265330", "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_MissingMalformedStaleOrWrong_IsRefusedWithAFixedReason(string? id, string? timestamp, string? signature, WebhookVerificationFailure failure) =>
        VerifierAssert.Refused(Verifier().Verify(Headers(id: id, timestamp: timestamp, signature: signature), Body), failure, Secret, Secret[6..], "g0hM9SsE");

    [Fact]
    public void Verify_LongId_IsRefusedAsMalformed() =>
        VerifierAssert.Refused(Verifier().Verify(Headers(id: new string('a', 600)), Body), WebhookVerificationFailure.IdMalformed, Secret);

    [Fact]
    public void Verify_MatchOnTheLastOfManySecrets_IsVerified()
    {
        var secrets = Enumerable.Range(0, 6).Select(_ => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))).Append(Secret).ToArray();

        VerifierAssert.Verified(Verifier(secrets).Verify(Headers(), Body));
    }

    [Fact]
    public void Verify_WrongSignatureWithManySecrets_IsRefused()
    {
        var secrets = Enumerable.Range(0, 10).Select(_ => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))).ToArray();

        VerifierAssert.Refused(Verifier(secrets).Verify(Headers(), Body), WebhookVerificationFailure.SignatureMismatch, [.. secrets, .. secrets.Select(s => s[6..]), Signature[3..]]);
    }

    [Fact]
    public void Constructor_SecretNotWhsecBase64_Throws()
    {
        var create = () => Verifier("not-a-whsec-secret");

        create.Should().Throw<InvalidOperationException>().Which.Message.Should().NotContain("not-a-whsec-secret");
    }
}
