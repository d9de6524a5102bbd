namespace WebhookKit.Mailgun;

/// <summary>What reading a Mailgun body's signature block found.</summary>
internal enum MailgunSignatureReadStatus
{
    /// <summary>The timestamp, token and signature were read.</summary>
    Read,

    /// <summary>The body has no signature block, or one without a timestamp, token or signature, or is not JSON or form encoding that could hold one.</summary>
    Missing,

    /// <summary>A field is repeated, of the wrong JSON type or too long for its buffer: which value is signed is not clear.</summary>
    Malformed,

    /// <summary>A form body with more fields than allowed; nothing was decoded.</summary>
    TooManyFormFields,
}
