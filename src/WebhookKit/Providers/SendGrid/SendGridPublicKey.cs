using System.Security.Cryptography;

namespace WebhookKit.SendGrid;

/// <summary>
/// Imports a SendGrid verification key: the base64 DER SubjectPublicKeyInfo of a P-256 public key, bare (as SendGrid
/// shows it) or in a PEM <c>PUBLIC KEY</c> block. Anything else (another curve, a private key, trailing bytes) is refused.
/// </summary>
internal static class SendGridPublicKey
{
    /// <summary>The OID of the P-256 curve (secp256r1, prime256v1).</summary>
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The most characters a configured key may have: a P-256 SubjectPublicKeyInfo is 91 bytes, 124 in base64; PEM adds its lines.</summary>
    private const int MaxKeyChars = 1024;

    public static bool TryImport(string? text, out ECDsa? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxKeyChars || !TryGetDer(text.AsSpan().Trim(), out var der))
        {
            return false;
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(der, out var read);
            if (read == der.Length && ecdsa.KeySize == 256 && IsP256(ecdsa.ExportParameters(includePrivateParameters: false).Curve))
            {
                key = ecdsa;
                return true;
            }
        }
        catch (CryptographicException)
        {
            // Not a SubjectPublicKeyInfo, or not an EC key: refused below.
        }

        ecdsa.Dispose();
        return false;
    }

    private static bool TryGetDer(ReadOnlySpan<char> text, out byte[] der)
    {
        der = [];
        if (text.StartsWith("-----", StringComparison.Ordinal))
        {
            if (!PemEncoding.TryFind(text, out var fields) || !text[fields.Label].SequenceEqual("PUBLIC KEY"))
            {
                return false;
            }

            text = text[fields.Base64Data];
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(text, buffer, out var written) || written == 0)
        {
            return false;
        }

        der = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    private static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1");
}
