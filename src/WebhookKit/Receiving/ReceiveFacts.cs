namespace WebhookKit.Receiving;

/// <summary>
/// What the receive path knows about a request when it ends: the values its log line, metric and answer take. Only
/// names, ids, sizes and fixed reasons; never a secret, a signature or payload bytes.
/// </summary>
/// <param name="Receiver">The receiver's registered name; the metric's receiver tag.</param>
/// <param name="Provider">The receiver's provider name; <see langword="null"/> for an unknown receiver.</param>
internal readonly record struct ReceiveFacts(string Receiver, string? Provider)
{
    /// <summary>Gets the verified event type; the metric's event type tag. <see langword="null"/> before verification.</summary>
    public string? EventType { get; init; }

    /// <summary>Gets the verified event id.</summary>
    public string? EventId { get; init; }

    /// <summary>Gets the id of the accepted delivery.</summary>
    public string? DeliveryId { get; init; }

    /// <summary>Gets the outcome's detail for the log: a fixed reason, a method, a remote address, a claim status or a queue state.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets why a provider refused the request (<see cref="ReceiveOutcome.Unauthorized"/>, <see cref="ReceiveOutcome.BadRequest"/>).</summary>
    public WebhookRejectionReason? RejectionReason { get; init; }

    /// <summary>Gets the stable code of <see cref="RejectionReason"/>, or <c>-</c> when there is none.</summary>
    public string ReasonCode => RejectionReason is { } reason ? RejectionReasonCodes.Of(reason) : "-";

    /// <summary>Gets the receiver's body limit, for <see cref="ReceiveOutcome.TooLarge"/>.</summary>
    public long BodyLimit { get; init; }

    /// <summary>Gets the status the server chose, for <see cref="ReceiveOutcome.ServerRejected"/>.</summary>
    public int StatusCode { get; init; }

    /// <summary>Gets the queue's count and bytes when it refused, for the log.</summary>
    public (int Count, long Bytes) QueueFill { get; init; }

    /// <summary>Gets the exception behind the outcome, for the log.</summary>
    public Exception? Exception { get; init; }

    /// <summary>Gets the provider's handshake answer, for <see cref="ReceiveOutcome.Responded"/>.</summary>
    public ReadOnlyMemory<byte> ProviderAnswer { get; init; }

    /// <summary>Gets the content type of <see cref="ProviderAnswer"/>.</summary>
    public string? ProviderAnswerContentType { get; init; }
}
