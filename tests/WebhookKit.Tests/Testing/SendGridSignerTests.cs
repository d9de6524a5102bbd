using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.SendGrid;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Testing;

/// <summary>
/// The SendGrid signer: ECDSA signatures are randomized, so there is no known answer to reproduce; instead its
/// signatures verify under .NET's ECDsa directly (DER, SHA-256, over timestamp then body) and under the receiver's verifier.
/// </summary>
public sealed class SendGridSignerTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""[{"event":"delivered","sg_event_id":"e1"}]""" + "\r\n");

    [Fact]
    public void Sign_VerifiesWithItsPublicKeyOverTimestampThenBody()
    {
        using var signer = WebhookSigner.SendGrid(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(signer.PublicKey), out _);

        var signature = signer.Sign(Body, out var timestamp);

        timestamp.Should().Be("1700000000");
        key.VerifyData((byte[])[.. "1700000000"u8, .. Body], Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            .Should().BeTrue();
    }

    [Fact]
    public void Sign_IsAcceptedByTheSendGridVerifier()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var signer = WebhookSigner.SendGrid(clock);
        var options = new SendGridWebhookOptions();
        options.PublicKeys.Add(signer.PublicKey);
        var signature = signer.Sign(Body, out var timestamp);

        var result = new SendGridWebhookVerifier(options, clock).Verify(
            new HeaderDictionary { [SendGridSigner.SignatureHeader] = signature, [SendGridSigner.TimestampHeader] = timestamp },
            Body);

        result.IsVerified.Should().BeTrue(result.ToString());
    }
}
