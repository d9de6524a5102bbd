namespace WebhookKit.Internal;

/// <summary>What <see cref="TopLevelJsonScanner"/> made of a body.</summary>
internal enum JsonScanStatus
{
    /// <summary>The body is a well-formed JSON object; each property looked for appears at most once.</summary>
    Read,

    /// <summary>The body is not a well-formed JSON object in valid UTF-8 (or is too deep).</summary>
    NotAnObject,

    /// <summary>
    /// A property looked for appears more than once at the top level (whatever the escaping of its name): the scan
    /// would take the first and System.Text.Json's models the last, so the dedupe key and the handler could disagree.
    /// </summary>
    RepeatedProperty,
}
