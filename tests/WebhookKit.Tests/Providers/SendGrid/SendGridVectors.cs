using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Tests.Providers.SendGrid;

/// <summary>
/// SendGrid's published known answer, from sendgrid/sendgrid-csharp (MIT), release 9.29.3,
/// <c>tests/SendGrid.Tests/Helpers/EventWebhook/RequestValidatorTests.cs</c>: the verification key, a signature and
/// timestamp, and the body, which that test builds with Newtonsoft.Json (properties in this order, no escaping of
/// <c>&lt;</c>/<c>&gt;</c>) and ends with <c>"\r\n"</c>, part of the signed bytes. The same test's wrong key and wrong
/// signature are <see cref="OtherPublicKey"/> and <see cref="OtherSignature"/>. Checked independently with Python's
/// <c>cryptography</c> (ECDSA P-256, SHA-256, over the timestamp then the body) before it was written here.
/// </summary>
internal static class SendGridVectors
{
    public const string PublicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
    public const string Signature = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=";
    public const string Timestamp = "1600112502";
    public const long TimestampSeconds = 1600112502;
    public const string SgEventId = "ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA";

    /// <summary>TestBadKey's key: a valid P-256 key that did not sign <see cref="Body"/>.</summary>
    public const string OtherPublicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqTxd43gyp8IOEto2LdIfjRQrIbsd4SXZkLW6jDutdhXSJCWHw8REntlo7aNDthvj+y7GjUuFDb/R1NGe1OPzpA==";

    /// <summary>TestBadSignature's signature: well-formed DER, not over <see cref="Body"/>.</summary>
    public const string OtherSignature = "MEQCIB3bJQOarffIdM7+MEee+kYAdoViz6RUoScOASwMcXQxAiAcrus/j853JUlVm5qIRfbKBJwJq89znqOTedy3RetXLQ==";

    public static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address","sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]""" + "\r\n");

    /// <summary>A fresh P-256 key, for deliveries signed in a test.</summary>
    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The key's verification key as SendGrid shows it: base64 DER SubjectPublicKeyInfo.</summary>
    public static string PublicKeyOf(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>Signs as SendGrid does, independently of the library: DER ECDSA P-256 with SHA-256 over the timestamp's UTF-8 bytes then the body.</summary>
    public static string Sign(ECDsa key, string timestamp, byte[] body) =>
        Convert.ToBase64String(key.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
}
