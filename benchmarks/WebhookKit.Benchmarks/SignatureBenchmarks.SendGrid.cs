using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using WebhookKit.SendGrid;

namespace WebhookKit.Benchmarks;

/// <summary>
/// SendGrid's rows: an ECDSA P-256 verification, beside the raw primitive (.NET's <c>ECDsa.VerifyData</c> over the
/// timestamp and body joined once in setup). The verification itself costs about the same at every size; the body
/// only adds its SHA-256.
/// </summary>
public partial class SignatureBenchmarks
{
    private ECDsa _sendGridSigningKey = null!;
    private ECDsa _sendGridPublicKey = null!;
    private byte[] _sendGridBody = [];
    private byte[] _sendGridSignedContent = [];
    private byte[] _sendGridSignatureBytes = [];
    private SendGridWebhookVerifier _sendGridVerifier = null!;
    private HeaderDictionary _sendGridHeaders = null!;

    /// <summary>The primitive: <c>ECDsa.VerifyData</c> (P-256, SHA-256, DER signature) over the signed bytes, with a key imported once.</summary>
    [Benchmark]
    public bool RawEcdsaP256Verify() =>
        _sendGridPublicKey.VerifyData(_sendGridSignedContent, _sendGridSignatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>WebhookKit's SendGrid verification: headers, timestamp tolerance, base64 decode, SHA-256 of timestamp + body, ECDSA verify against every key.</summary>
    [Benchmark]
    public bool WebhookKitSendGrid() => _sendGridVerifier.Verify(_sendGridHeaders, _sendGridBody).IsVerified;

    private void SetupSendGrid()
    {
        _sendGridSigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _sendGridPublicKey = ECDsa.Create();
        _sendGridPublicKey.ImportSubjectPublicKeyInfo(_sendGridSigningKey.ExportSubjectPublicKeyInfo(), out _);
        _sendGridBody = SendGridBatch(BodyBytes);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _sendGridSignedContent = [.. Encoding.UTF8.GetBytes(timestamp), .. _sendGridBody];
        _sendGridSignatureBytes = _sendGridSigningKey.SignData(_sendGridSignedContent, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var options = new SendGridWebhookOptions();
        options.PublicKeys.Add(Convert.ToBase64String(_sendGridSigningKey.ExportSubjectPublicKeyInfo()));
        _sendGridVerifier = new SendGridWebhookVerifier(options);
        _sendGridHeaders = new HeaderDictionary
        {
            ["X-Twilio-Email-Event-Webhook-Signature"] = Convert.ToBase64String(_sendGridSignatureBytes),
            ["X-Twilio-Email-Event-Webhook-Timestamp"] = timestamp,
            ["Content-Type"] = "application/json",
        };

        Check(RawEcdsaP256Verify(), nameof(RawEcdsaP256Verify));
        Check(WebhookKitSendGrid(), nameof(WebhookKitSendGrid));
    }

    private void CleanupSendGrid()
    {
        _sendGridSigningKey.Dispose();
        _sendGridPublicKey.Dispose();
    }

    /// <summary>A batch of SendGrid-shaped events, as many as fit in <paramref name="size"/> bytes.</summary>
    private static byte[] SendGridBatch(int size)
    {
        var json = new StringBuilder("[");
        for (var i = 0; ; i++)
        {
            var item = $$"""{"email":"user{{i}}@example.com","timestamp":1600112492,"event":"delivered","sg_event_id":"ZGVsaXZlcmVkLTAtMTA5OTQ5MTktTFJ6WGxf{{i:D6}}","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","response":"250 OK","category":["welcome"]}""";
            if (i > 0 && json.Length + item.Length + 2 > size)
            {
                break;
            }

            json.Append(i == 0 ? string.Empty : ",").Append(item);
        }

        return Encoding.UTF8.GetBytes(json.Append("]\r\n").ToString());
    }
}
