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

    /// <summary>
    /// The signature is valid and the request is a handshake the provider answers itself (for example Slack's
    /// <c>url_verification</c> challenge): 200 with <see cref="WebhookProviderResult.ResponseBody"/>, nothing claimed or queued.
    /// </summary>
    Respond = 3,

    /// <summary>
    /// The request cannot be verified right now, through no fault of its own (PayPal's certificate could not be
    /// fetched): 503 with <c>Retry-After</c>, so the sender retries.
    /// </summary>
    Unavailable = 4,
}
