namespace WebhookKit.Hmac;

/// <summary>How a generic HMAC receiver's signature header encodes the signature bytes.</summary>
public enum HmacSignatureEncoding
{
    /// <summary>Hexadecimal, either case.</summary>
    Hex = 0,

    /// <summary>Standard base64 with padding.</summary>
    Base64 = 1,
}
