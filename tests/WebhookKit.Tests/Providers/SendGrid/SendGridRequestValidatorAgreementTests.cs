using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.SendGrid;
using Xunit.Abstractions;
using SendGridRequestValidator = SendGrid.Helpers.EventWebhook.RequestValidator;

namespace WebhookKit.Tests.Providers.SendGrid;

/// <summary>
/// Our verifier and SendGrid's own (<c>SendGrid.Helpers.EventWebhook.RequestValidator</c> of the <c>SendGrid</c> NuGet
/// package, which verifies with the starkbank-ecdsa library, not with .NET's ECDsa) agree: on random bodies signed
/// with a fresh P-256 key, on the same bodies changed after signing, and on SendGrid's published vector.
/// </summary>
public sealed class SendGridRequestValidatorAgreementTests(ITestOutputHelper output)
{
    private const long Now = 1_700_000_000;
    private static readonly string Timestamp = Now.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Verify_SendGridKnownAnswer_BothVerify()
    {
        var validator = new SendGridRequestValidator();

        validator.VerifySignature(validator.ConvertPublicKeyToECDSA(SendGridVectors.PublicKey), Encoding.UTF8.GetString(SendGridVectors.Body), SendGridVectors.Signature, SendGridVectors.Timestamp)
            .Should().BeTrue();
        Ours(SendGridVectors.PublicKey, SendGridVectors.TimestampSeconds).Verify(Headers(SendGridVectors.Signature, SendGridVectors.Timestamp), SendGridVectors.Body).IsVerified
            .Should().BeTrue();
    }

    [Fact]
    public void Verify_RandomBodiesSignedAndTampered_OursAndSendGridsAgree()
    {
        using var key = SendGridVectors.NewKey();
        var publicKey = SendGridVectors.PublicKeyOf(key);
        var ours = Ours(publicKey, Now);
        var validator = new SendGridRequestValidator();
        var theirKey = validator.ConvertPublicKeyToECDSA(publicKey);

        // Text bodies: SendGrid's validator takes the payload as a string, so it must round-trip through UTF-8.
        Gen.Select(Gen.String[0, 2000], Gen.Int[0, int.MaxValue], Gen.Bool).Sample(
            (text, position, tamper) =>
            {
                var body = Encoding.UTF8.GetBytes(text);
                var signature = SendGridVectors.Sign(key, Timestamp, body);
                var presented = tamper ? Tampered(text) : text;

                var oursVerified = ours.Verify(Headers(signature, Timestamp), Encoding.UTF8.GetBytes(presented)).IsVerified;
                var theirsVerified = validator.VerifySignature(theirKey, presented, signature, Timestamp);

                oursVerified.Should().Be(theirsVerified, "both verify the same signature over the same bytes");
                oursVerified.Should().Be(!tamper);

                string Tampered(string original) =>
                    original.Length == 0 ? "x" : original.Remove(position % original.Length, 1).Insert(position % original.Length, original[position % original.Length] == 'a' ? "b" : "a");
            },
            iter: 200,
            writeLine: output.WriteLine);
    }

    private static SendGridWebhookVerifier Ours(string publicKey, long now)
    {
        var options = new SendGridWebhookOptions();
        options.PublicKeys.Add(publicKey);
        return new SendGridWebhookVerifier(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    private static HeaderDictionary Headers(string signature, string timestamp) => new()
    {
        ["X-Twilio-Email-Event-Webhook-Signature"] = signature,
        ["X-Twilio-Email-Event-Webhook-Timestamp"] = timestamp,
    };
}
