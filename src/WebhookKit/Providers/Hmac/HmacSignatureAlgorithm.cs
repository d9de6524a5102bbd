namespace WebhookKit.Hmac;

/// <summary>The hash function of a generic HMAC receiver's signatures.</summary>
public enum HmacSignatureAlgorithm
{
    /// <summary>HMAC-SHA256 (32-byte signatures).</summary>
    Sha256 = 0,

    /// <summary>HMAC-SHA1 (20-byte signatures); only for senders that offer nothing stronger.</summary>
    Sha1 = 1,

    /// <summary>HMAC-SHA512 (64-byte signatures).</summary>
    Sha512 = 2,
}
