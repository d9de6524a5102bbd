namespace WebhookKit.Internal;

/// <summary>What <see cref="FormPayloadReader"/> made of a form body.</summary>
internal enum FormReadStatus
{
    /// <summary>The field (or every field) was read.</summary>
    Read,

    /// <summary>The field is absent, or present without a value.</summary>
    Missing,

    /// <summary>The field is present more than once (whatever the spelling of its name), so which one counts is ambiguous.</summary>
    Repeated,

    /// <summary>The body has more fields than allowed; nothing was decoded.</summary>
    TooManyFields,

    /// <summary>A name or value is not valid percent-encoding, or not valid UTF-8 once decoded.</summary>
    Invalid,
}
