namespace WebhookKit.Mailgun;

/// <summary>
/// The signature block of one Mailgun delivery, as UTF-8 bytes in the caller's stack buffers: <c>timestamp</c>,
/// <c>token</c>, <c>signature</c> and, for a subaccount's event, <c>parent-signature</c> (empty when absent).
/// </summary>
internal ref struct MailgunSignatureFields
{
    /// <summary>The longest token accepted: Mailgun's are 50 characters; anything much longer is not one of its.</summary>
    public const int MaxTokenBytes = 256;

    /// <summary>A hex HMAC-SHA256: 64 characters.</summary>
    public const int SignatureChars = 64;

    public Span<byte> Timestamp;
    public Span<byte> Token;
    public Span<byte> Signature;
    public Span<byte> ParentSignature;
}
