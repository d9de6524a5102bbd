namespace WebhookKit.Receiving;

/// <summary>What <see cref="RequestBodyReader.ReadAsync"/> made of a request body.</summary>
internal enum BodyReadStatus
{
    /// <summary>The whole body is in the buffer.</summary>
    Read,

    /// <summary>The body grew past <see cref="WebhookOptions.MaxBodyBytes"/> (413).</summary>
    TooLarge,

    /// <summary>Its buffer would pass <see cref="WebhookOptions.MaxUnverifiedBytes"/> (503).</summary>
    OverBudget,
}
