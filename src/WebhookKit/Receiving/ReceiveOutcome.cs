namespace WebhookKit.Receiving;

/// <summary>
/// Every way the receive path can end for one request. <see cref="ReceiveOutcomes"/> maps each to its answer, its
/// log event, its <c>webhookkit.outcome</c> tag and its problem type, in one table (docs/architecture.md, "Outcomes").
/// </summary>
internal enum ReceiveOutcome
{
    /// <summary>No receiver has the name in the URL: 404.</summary>
    UnknownReceiver,

    /// <summary>Not a POST: 405 with <c>Allow: POST</c>.</summary>
    MethodNotAllowed,

    /// <summary>Plain HTTP to a receiver that requires HTTPS: 403.</summary>
    HttpsRequired,

    /// <summary>A sender outside the receiver's allowed IP ranges: 403.</summary>
    IpNotAllowed,

    /// <summary>The application is stopping: 503.</summary>
    Stopping,

    /// <summary>The body is over <see cref="WebhookOptions.MaxBodyBytes"/>, announced or streamed: 413.</summary>
    TooLarge,

    /// <summary>The body arrived slower than <see cref="WebhookOptions.MinRequestBodyDataRate"/>: 408.</summary>
    TooSlow,

    /// <summary>The server refused the body (malformed framing and the like): its own status, 400 as a problem.</summary>
    ServerRejected,

    /// <summary>The client went away before its body was read: nothing answered.</summary>
    Aborted,

    /// <summary>Unverified bodies already hold <see cref="WebhookOptions.MaxUnverifiedBytes"/>: 503.</summary>
    UnverifiedBytesFull,

    /// <summary>The signature could not be verified, or a header it needs is missing: 401.</summary>
    Unauthorized,

    /// <summary>Verified, but no event id or type, or a body that cannot be read; or an id or type out of bounds: 400.</summary>
    BadRequest,

    /// <summary>The provider cannot verify the request now (a certificate it fetches is unreachable): 503, so the sender retries.</summary>
    ProviderUnavailable,

    /// <summary>A verified handshake the provider answers itself (Slack's <c>url_verification</c>): 200 with its answer.</summary>
    Responded,

    /// <summary>An event type nobody handles: 200, nothing queued.</summary>
    Unhandled,

    /// <summary>The idempotency store failed: 503.</summary>
    IdempotencyStoreFailed,

    /// <summary>A duplicate of a claim not yet queued: 503, so the provider retries and meets the first copy's outcome.</summary>
    PendingDuplicate,

    /// <summary>A duplicate of an event queued, being handled, waiting for a retry or handled: 200, nothing queued.</summary>
    Duplicate,

    /// <summary>A body already accepted, resent under another unsigned event id: 200, nothing queued.</summary>
    Replay,

    /// <summary>The queue is full, closed or failing: 503.</summary>
    QueueUnavailable,

    /// <summary>Claimed and queued: 200.</summary>
    Accepted,
}
