using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>
/// Signs bodies as SendGrid's Event Webhook does, with a P-256 key of its own: <c>X-Twilio-Email-Event-Webhook-Signature</c>
/// is the base64 DER ECDSA signature, with SHA-256, of <c>X-Twilio-Email-Event-Webhook-Timestamp</c> followed by the body.
/// Configure the receiver with <see cref="PublicKey"/> (<c>SendGridWebhookOptions.PublicKeys</c>). Dispose it when done.
/// </summary>
public sealed class SendGridSigner : IDisposable
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";

    /// <summary>The header that carries the signed timestamp.</summary>
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly ECDsa _key;
    private readonly TimeProvider _timeProvider;

    internal SendGridSigner(TimeProvider timeProvider)
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _timeProvider = timeProvider;
        PublicKey = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Gets the verification key, as SendGrid shows it: the base64 DER SubjectPublicKeyInfo of the signing key.</summary>
    public string PublicKey { get; }

    /// <summary>Computes the signature of a body, timestamped now.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <param name="timestamp">The <c>X-Twilio-Email-Event-Webhook-Timestamp</c> value to send with it.</param>
    /// <returns>The <c>X-Twilio-Email-Event-Webhook-Signature</c> value.</returns>
    public string Sign(ReadOnlySpan<byte> body, out string timestamp)
    {
        timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Sign(timestamp, body);
    }

    /// <summary>Computes the signature of a body with a given timestamp (to test tolerance).</summary>
    /// <param name="timestamp">The <c>X-Twilio-Email-Event-Webhook-Timestamp</c> value, as sent.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The <c>X-Twilio-Email-Event-Webhook-Signature</c> value.</returns>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        var prefix = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToBase64String(_key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();
}
