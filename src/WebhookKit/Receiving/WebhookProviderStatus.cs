namespace WebhookKit;

/// <summary>What a <see cref="IWebhookProvider"/> made of a request.</summary>
public enum WebhookProviderStatus
{
    /// <summary>The signature is valid and the event id and type are known.</summary>
    Accepted = 0,

    /// <summary>The signature is missing, malformed, wrong, or its timestamp is outside the tolerance (401).</summary>
    Unauthorized = 1,

    /// <summary>The signature is valid but the event id or type is missing, or the body cannot be read (400).</summary>
    BadRequest = 2,
}
