using Microsoft.Extensions.Logging;

namespace WebhookKit.Internal;

/// <summary>
/// Every log line WebhookKit writes, with stable event ids. Never a secret, a signature or payload bytes:
/// only receiver names, event types and ids, sizes and fixed reasons.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Webhook {EventType} {EventId} accepted by receiver {Receiver} as delivery {DeliveryId}.")]
    public static partial void Accepted(ILogger logger, string receiver, string eventType, string eventId, string deliveryId);

    [LoggerMessage(2, LogLevel.Debug, "Webhook {EventType} {EventId} for receiver {Receiver} is a duplicate ({ClaimStatus}); acknowledged, not queued.")]
    public static partial void Duplicate(ILogger logger, string receiver, string eventType, string eventId, string claimStatus);

    [LoggerMessage(3, LogLevel.Debug, "Webhook {EventType} {EventId} for receiver {Receiver} has no handler; acknowledged, not queued.")]
    public static partial void Unhandled(ILogger logger, string receiver, string eventType, string eventId);

    [LoggerMessage(4, LogLevel.Information, "Webhook rejected by receiver {Receiver} with 401 ({ReasonCode}): {Reason}.")]
    public static partial void Unauthorized(ILogger logger, string receiver, string reasonCode, string reason);

    [LoggerMessage(5, LogLevel.Information, "Webhook rejected by receiver {Receiver} with 400 ({ReasonCode}): {Reason}.")]
    public static partial void BadRequest(ILogger logger, string receiver, string reasonCode, string reason);

    [LoggerMessage(6, LogLevel.Information, "Webhook rejected by receiver {Receiver} with 413: body over {MaxBodyBytes} bytes.")]
    public static partial void TooLarge(ILogger logger, string receiver, long maxBodyBytes);

    [LoggerMessage(7, LogLevel.Information, "Webhook rejected with 405: method {Method} is not POST.")]
    public static partial void MethodNotAllowed(ILogger logger, string method);

    [LoggerMessage(8, LogLevel.Warning, "Webhook {EventType} {EventId} for receiver {Receiver} refused with 503: the queue is {Reason} ({QueueCount} deliveries, {QueueBytes} bytes).")]
    public static partial void QueueUnavailable(ILogger logger, string receiver, string eventType, string eventId, string reason, int queueCount, long queueBytes);

    [LoggerMessage(9, LogLevel.Warning, "Webhook for receiver {Receiver} refused with 503: the idempotency store failed.")]
    public static partial void IdempotencyStoreFailed(ILogger logger, string receiver, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Webhook for receiver {Receiver} refused with 503: the application is stopping.")]
    public static partial void Stopping(ILogger logger, string receiver);

    [LoggerMessage(11, LogLevel.Information, "Webhook request for unknown receiver {Receiver} answered 404.")]
    public static partial void UnknownReceiver(ILogger logger, string receiver);

    [LoggerMessage(12, LogLevel.Information, "Webhook request for receiver {Receiver} was rejected by the server: {StatusCode}.")]
    public static partial void ServerRejected(ILogger logger, string receiver, int statusCode);

    [LoggerMessage(13, LogLevel.Error, "Webhook for receiver {Receiver} could not be queued: the queue failed.")]
    public static partial void QueueFailed(ILogger logger, string receiver, Exception exception);

    [LoggerMessage(14, LogLevel.Error, "Webhook claim for receiver {Receiver} could not be released; it stays in flight until its lease expires.")]
    public static partial void ReleaseFailed(ILogger logger, string receiver, Exception exception);

    [LoggerMessage(15, LogLevel.Debug, "Webhook handshake for receiver {Receiver} answered by its provider; nothing queued.")]
    public static partial void Responded(ILogger logger, string receiver);

    [LoggerMessage(16, LogLevel.Information, "Webhook rejected by receiver {Receiver} with 403: it requires HTTPS and the request came over plain HTTP.")]
    public static partial void HttpsRequired(ILogger logger, string receiver);

    [LoggerMessage(17, LogLevel.Information, "Webhook rejected by receiver {Receiver} with 403: remote address {RemoteAddress} is not in its allowed IP ranges.")]
    public static partial void IpNotAllowed(ILogger logger, string receiver, string remoteAddress);

    [LoggerMessage(18, LogLevel.Information, "Webhook for receiver {Receiver} cut off with 408: its body arrived slower than {MinBytesPerSecond} bytes/s after a grace period of {GracePeriod}.")]
    public static partial void TooSlow(ILogger logger, string receiver, double minBytesPerSecond, TimeSpan gracePeriod);

    [LoggerMessage(19, LogLevel.Warning, "Webhook for receiver {Receiver} refused with 503: bodies not yet verified already hold {MaxUnverifiedBytes} bytes (Webhooks:MaxUnverifiedBytes).")]
    public static partial void UnverifiedBytesFull(ILogger logger, string receiver, long maxUnverifiedBytes);

    [LoggerMessage(20, LogLevel.Warning, "Handler {Handler} failed on attempt {Attempt} for webhook {EventType} {EventId} (receiver {Receiver}).")]
    public static partial void HandlerFailed(ILogger logger, string handler, int attempt, string receiver, string eventType, string eventId, Exception exception);

    [LoggerMessage(21, LogLevel.Error, "Webhook {EventType} {EventId} (receiver {Receiver}, delivery {DeliveryId}) dead-lettered after {Attempts} attempts: {Reason}.")]
    public static partial void DeadLettered(ILogger logger, string receiver, string eventType, string eventId, string deliveryId, int attempts, string reason, Exception? exception);

    [LoggerMessage(48, LogLevel.Error, "Webhook {EventType} {EventId} (receiver {Receiver}, delivery {DeliveryId}) dead-lettered without running a handler: {Reason}.")]
    public static partial void DeadLetteredUnread(ILogger logger, string receiver, string eventType, string eventId, string deliveryId, string reason);

    [LoggerMessage(22, LogLevel.Information, "Webhook {EventType} {EventId} (receiver {Receiver}) handled on attempt {Attempt} in {ElapsedMilliseconds:0.0} ms.")]
    public static partial void Handled(ILogger logger, string receiver, string eventType, string eventId, int attempt, double elapsedMilliseconds);

    [LoggerMessage(23, LogLevel.Error, "Dead-letter store is full ({Capacity}); evicted the oldest dead letter, webhook {EventType} {EventId} (receiver {Receiver}).")]
    public static partial void DeadLetterEvicted(ILogger logger, string receiver, string eventType, string eventId, int capacity);

    [LoggerMessage(24, LogLevel.Error, "The idempotency store failed while finishing webhook {EventType} {EventId} (receiver {Receiver}).")]
    public static partial void FinishFailed(ILogger logger, string receiver, string eventType, string eventId, Exception exception);

    [LoggerMessage(25, LogLevel.Error, "Webhook dispatcher stopped with {Count} deliveries not handled: the host's shutdown timeout ran out before the queue drained.")]
    public static partial void DrainIncomplete(ILogger logger, int count);

    [LoggerMessage(26, LogLevel.Information, "Webhook dispatcher drained the queue before stopping.")]
    public static partial void Drained(ILogger logger);

    [LoggerMessage(27, LogLevel.Error, "Webhook dispatcher failed unexpectedly; the worker restarts.")]
    public static partial void DispatcherFailed(ILogger logger, Exception exception);

    [LoggerMessage(28, LogLevel.Warning, "No webhook receiver is registered: call a receiver method such as AddGitHub(), AddSlack(), AddHmac(…) or AddReceiver(…) on AddWebhooks().")]
    public static partial void NoReceivers(ILogger logger);

    // 40–49: dispatcher failures that are not a handler's (deserialization, DI, the stores, the queue, the dispatcher itself).
    // Payloads never reach these lines: a deserialization failure is logged by exception type only, since a
    // System.Text.Json or converter message may quote the payload.

    [LoggerMessage(29, LogLevel.Information, "Webhook {EventType} {EventId} for receiver {Receiver} refused with 503: an earlier copy of it holds the claim and is not yet queued; if that copy fails, the provider's retry is accepted.")]
    public static partial void PendingDuplicate(ILogger logger, string receiver, string eventType, string eventId);

    [LoggerMessage(30, LogLevel.Warning, "The claim of webhook {EventId} (receiver {Receiver}, delivery {DeliveryId}) was gone when its lease was renewed: it ran out (a pause longer than the lease?), so a redelivery may be handled beside this one.")]
    public static partial void LeaseLost(ILogger logger, string receiver, string eventId, string deliveryId);

    [LoggerMessage(31, LogLevel.Warning, "Renewing the claims of {Count} webhook deliveries failed; they are retried on the next round, and a claim not renewed within its lease lets a redelivery in.")]
    public static partial void LeaseRenewalFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(40, LogLevel.Warning, "Webhook {EventType} {EventId} (receiver {Receiver}) does not deserialize into {Model} ({ExceptionType}); that model's handlers do not run and the delivery will be dead-lettered.")]
    public static partial void PayloadNotDeserialized(ILogger logger, string model, string exceptionType, string receiver, string eventType, string eventId);

    [LoggerMessage(41, LogLevel.Warning, "Handlers of {Model} could not be created on attempt {Attempt} for webhook {EventType} {EventId} (receiver {Receiver}).")]
    public static partial void HandlersNotCreated(ILogger logger, string model, int attempt, string receiver, string eventType, string eventId, Exception exception);

    [LoggerMessage(42, LogLevel.Warning, "Disposing the handler scope of webhook {EventType} {EventId} (receiver {Receiver}) failed after attempt {Attempt}; the attempt's outcome stands.")]
    public static partial void ScopeDisposeFailed(ILogger logger, int attempt, string receiver, string eventType, string eventId, Exception exception);

    [LoggerMessage(43, LogLevel.Error, "Webhook {EventType} {EventId} (receiver {Receiver}) failed in the dispatcher ({ExceptionType}); it is dead-lettered.")]
    public static partial void DispatchFailed(ILogger logger, string exceptionType, string receiver, string eventType, string eventId, Exception? exception);

    [LoggerMessage(44, LogLevel.Error, "The dead-letter store failed to keep webhook {EventType} {EventId} (receiver {Receiver}, delivery {DeliveryId}); its claim is kept until the lease expires.")]
    public static partial void DeadLetterStoreFailed(ILogger logger, string receiver, string eventType, string eventId, string deliveryId, Exception exception);

    [LoggerMessage(45, LogLevel.Error, "The queue failed to acknowledge webhook {EventType} {EventId} (receiver {Receiver}, delivery {DeliveryId}).")]
    public static partial void AcknowledgeFailed(ILogger logger, string receiver, string eventType, string eventId, string deliveryId, Exception exception);

    [LoggerMessage(46, LogLevel.Critical, "Webhook {EventType} {EventId} (receiver {Receiver}, delivery {DeliveryId}) failed unexpectedly in the dispatcher ({ExceptionType}); it is acknowledged and the worker goes on.")]
    public static partial void DeliveryCrashed(ILogger logger, string exceptionType, string receiver, string eventType, string eventId, string deliveryId, Exception? exception);

    [LoggerMessage(47, LogLevel.Error, "The queue failed to finish the deliveries it completes in the background at shutdown; those not finished stay for a takeover, which runs them again.")]
    public static partial void FlushFailed(ILogger logger, Exception exception);

    // 60–69: receivers' options reloaded without a restart (secret rotation). Never the secrets: the validation
    // failures name the receiver and the configuration key only, and other failures are logged by exception type.

    [LoggerMessage(60, LogLevel.Information, "Webhook receiver {Receiver} reloaded its options ({ConfigurationKey}); new deliveries use them.")]
    public static partial void ReceiverReloaded(ILogger logger, string receiver, string configurationKey);

    [LoggerMessage(61, LogLevel.Error, "Webhook receiver {Receiver} refused its reloaded options ({ConfigurationKey}) and keeps its last valid ones: {Failures}")]
    public static partial void ReceiverReloadInvalid(ILogger logger, string receiver, string configurationKey, string failures);

    [LoggerMessage(62, LogLevel.Error, "Webhook receiver {Receiver} could not be rebuilt from its reloaded options ({ConfigurationKey}, {ExceptionType}) and keeps its last valid ones.")]
    public static partial void ReceiverReloadFailed(ILogger logger, string receiver, string configurationKey, string exceptionType);

    // 50–59: the receive path, continued.

    [LoggerMessage(50, LogLevel.Debug, "Webhook request for receiver {Receiver} ended by the client before its body was read; nothing answered.")]
    public static partial void Aborted(ILogger logger, string receiver);

    [LoggerMessage(70, LogLevel.Information, "WebhookKit started with {ReceiverCount} receivers. Queue: {Queue}. Idempotency store: {Store}. Dead letters: {DeadLetters}. Journal: {Journal}.")]
    public static partial void Components(ILogger logger, int receiverCount, string queue, string store, string deadLetters, string journal);

    [LoggerMessage(71, LogLevel.Information, "Webhook receiver {Receiver} ({Provider}) at {Path}; secrets: {SecretCount}; guards: {Guards}; bodies up to {MaxBodyBytes} bytes.")]
    public static partial void Receiver(ILogger logger, string receiver, string provider, string path, string secretCount, string guards, long maxBodyBytes);

    [LoggerMessage(72, LogLevel.Warning, "{ReceiverCount} webhook receivers are registered, but no request can reach them: call app.MapWebhooks() (or app.UseWebhooks()) after building the app. Until then every delivery gets 404.")]
    public static partial void NotRouted(ILogger logger, int receiverCount);

    [LoggerMessage(75, LogLevel.Warning, "The WebhookKit startup report could not be written; receiving is not affected.")]
    public static partial void StartupReportFailed(ILogger logger, Exception exception);

    [LoggerMessage(73, LogLevel.Warning, "Webhook for receiver {Receiver} refused with 503 ({ReasonCode}): {Reason}; the sender retries.")]
    public static partial void ProviderUnavailable(ILogger logger, string receiver, string reasonCode, string reason);

    // The host is the allow-list entry the URL matched, never the URL: its path and query are the sender's.
    [LoggerMessage(74, LogLevel.Warning, "PayPal certificate fetch for receiver {Receiver} from {CertificateHost} failed ({Failure}); deliveries naming it get 503 until it succeeds.")]
    public static partial void PayPalCertificateFetchFailed(ILogger logger, string receiver, string certificateHost, string failure);
}
