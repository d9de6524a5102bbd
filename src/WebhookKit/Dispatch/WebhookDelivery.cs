namespace WebhookKit;

/// <summary>
/// An accepted, verified delivery as it travels through the <see cref="Dispatch.IWebhookQueue"/> and the
/// <see cref="Dispatch.IDeadLetterStore"/>: the raw body, the JSON payload and the metadata handlers need.
/// </summary>
public sealed class WebhookDelivery
{
    private string? _idempotencyKey;
    private string? _replayKey;
    private Idempotency.IdempotencyKeyList? _idempotencyKeys;
    private volatile bool _leaseRenewed;

    /// <summary>The pooled request body <see cref="Body"/> lives in, when the in-memory queue holds it; see <see cref="Body"/>.</summary>
    private readonly Internal.PooledBody? _pooledBody;

    /// <summary>Initializes a new delivery.</summary>
    /// <param name="deliveryId">A value unique to this accepted delivery; it owns the idempotency claim.</param>
    /// <param name="receiverName">The receiver that accepted it.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="eventType">The provider's event type.</param>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="receivedAt">When it was accepted.</param>
    /// <param name="body">The request body as signed.</param>
    /// <param name="payload">The JSON payload; the body itself for JSON deliveries.</param>
    /// <param name="headers">The provider headers kept for handlers.</param>
    public WebhookDelivery(
        string deliveryId,
        string receiverName,
        string provider,
        string eventType,
        string eventId,
        DateTimeOffset receivedAt,
        ReadOnlyMemory<byte> body,
        ReadOnlyMemory<byte> payload,
        IReadOnlyDictionary<string, string> headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        ArgumentException.ThrowIfNullOrEmpty(receiverName);
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(headers);

        DeliveryId = deliveryId;
        ReceiverName = receiverName;
        Provider = provider;
        EventType = eventType;
        EventId = eventId;
        ReceivedAt = receivedAt;
        Body = body;
        Payload = payload;
        Headers = headers;
    }

    internal static string CreateIdempotencyKey(string receiverName, string eventId) =>
        string.Create(IdempotencyKeyLength(receiverName, eventId), (receiverName, eventId), static (key, parts) => WriteIdempotencyKey(parts.receiverName, parts.eventId, key));

    /// <summary>The length of the idempotency key <see cref="CreateIdempotencyKey"/> makes.</summary>
    internal static int IdempotencyKeyLength(string receiverName, string eventId) => receiverName.Length + 1 + eventId.Length;

    /// <summary>Writes the key <see cref="CreateIdempotencyKey"/> makes, <c>{receiver}:{event id}</c>, into <paramref name="key"/>.</summary>
    internal static void WriteIdempotencyKey(string receiverName, string eventId, Span<char> key)
    {
        receiverName.CopyTo(key);
        key[receiverName.Length] = ':';
        eventId.CopyTo(key[(receiverName.Length + 1)..]);
    }

    /// <summary>Marks a replay key's event-id part: event ids never contain control characters, so no id can take its place.</summary>
    internal const string ReplayKeyMarker = "\u001Fbody:";

    /// <summary>
    /// The body-digest key <c>{receiver}:\u001Fbody:{digest}</c>: the first 128 bits, in hex, of
    /// SHA-256(event type, 0, 'm', verified MAC of the body) when the provider hands on such a MAC
    /// (<see cref="WebhookProviderResult.BodyMac"/>), else of SHA-256(event type, 0, 'b', SHA-256(body)). Cryptographic
    /// digests, so nobody can make another signed body collide with one; the tag byte keeps the two kinds apart.
    /// </summary>
    internal static string CreateReplayKey(string receiverName, string eventType, ReadOnlySpan<byte> bodyMac, ReadOnlySpan<byte> body) =>
        CreateReplayKey(receiverName, CreateReplayDigest(eventType, bodyMac, body));

    /// <summary>The key <see cref="CreateReplayKey(string, string, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> makes of a <see cref="CreateReplayDigest"/>.</summary>
    internal static string CreateReplayKey(string receiverName, UInt128 digest) =>
        string.Create(ReplayKeyLength(receiverName), (receiverName, digest), static (key, state) => WriteReplayKey(state.receiverName, state.digest, key));

    /// <summary>The 128 bits of a body-digest key (<see cref="CreateReplayKey(string, string, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>), before they are written in hex.</summary>
    internal static UInt128 CreateReplayDigest(string eventType, ReadOnlySpan<byte> bodyMac, ReadOnlySpan<byte> body)
    {
        Span<byte> bodyHash = stackalloc byte[System.Security.Cryptography.SHA256.HashSizeInBytes];
        scoped ReadOnlySpan<byte> identity = bodyMac;
        var hashed = identity.IsEmpty || identity.Length > 64;
        if (hashed)
        {
            System.Security.Cryptography.SHA256.HashData(body, bodyHash);
            identity = bodyHash;
        }

        // Event types are at most WebhookOptions.MaxEventIdBytes UTF-8 bytes (checked before this is called).
        Span<byte> input = stackalloc byte[WebhookOptions.MaxEventIdBytes + 2 + 64];
        var length = System.Text.Encoding.UTF8.GetBytes(eventType, input);
        input[length++] = 0;
        input[length++] = hashed ? (byte)'b' : (byte)'m';
        identity.CopyTo(input[length..]);
        length += identity.Length;

        Span<byte> digest = stackalloc byte[System.Security.Cryptography.SHA256.HashSizeInBytes];
        System.Security.Cryptography.SHA256.HashData(input[..length], digest);
        return System.Runtime.InteropServices.MemoryMarshal.Read<UInt128>(digest);
    }

    /// <summary>The length of a body-digest key of <paramref name="receiverName"/>.</summary>
    internal static int ReplayKeyLength(string receiverName) => receiverName.Length + 1 + ReplayKeyMarker.Length + 32;

    /// <summary>Writes a body-digest key into <paramref name="key"/>, at least <see cref="ReplayKeyLength"/> long.</summary>
    internal static void WriteReplayKey(string receiverName, UInt128 digest, Span<char> key)
    {
        receiverName.CopyTo(key);
        var at = receiverName.Length;
        key[at++] = ':';
        ReplayKeyMarker.CopyTo(key[at..]);
        at += ReplayKeyMarker.Length;
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in digest));
        Convert.TryToHexStringLower(bytes, key[at..], out _);
    }

    /// <summary>Gets the value unique to this accepted delivery; it owns the idempotency claim.</summary>
    public string DeliveryId { get; }

    /// <summary>Gets the name of the receiver that accepted the delivery.</summary>
    public string ReceiverName { get; }

    /// <summary>Gets the provider name, for example <c>github</c>.</summary>
    public string Provider { get; }

    /// <summary>Gets the provider's event type.</summary>
    public string EventType { get; }

    /// <summary>Gets the provider's event id.</summary>
    public string EventId { get; }

    /// <summary>Gets the idempotency key, <c>{receiver}:{event id}</c>.</summary>
    public string IdempotencyKey
    {
        get => _idempotencyKey ??= CreateIdempotencyKey(ReceiverName, EventId);

        // The receive path hands over the key it claimed with, so that the delivery does not build it again.
        internal init => _idempotencyKey = value;
    }

    /// <summary>
    /// Gets the key of the delivery's body-digest claim, <c>{receiver}:~body:{digest}</c> of the receiver, event type
    /// and raw body, when its provider does not sign the event id (<see cref="WebhookProviderResult.IsEventIdSigned"/>);
    /// otherwise <see langword="null"/>. It is claimed, completed and released together with <see cref="IdempotencyKey"/>,
    /// so that a captured body replayed under a new, unsigned id is a duplicate.
    /// </summary>
    public string? ReplayKey
    {
        // The receive path hands over the key list it claimed with, which makes the key when it is read.
        get => _replayKey ?? _idempotencyKeys?.ContentKey;
        init => _replayKey = value;
    }

    /// <summary>
    /// Gets the id of the dead-lettered delivery this one replays (<c>IDeadLetterStore.ReplayAsync</c>), or
    /// <see langword="null"/> for a delivery as received: the journal links a replay to the delivery it replays.
    /// </summary>
    public string? ReplayOf { get; init; }

    /// <summary>Gets the keys claimed for this delivery: <see cref="IdempotencyKey"/>, then <see cref="ReplayKey"/> when there is one.</summary>
    public IReadOnlyList<string> IdempotencyKeys
    {
        get => KeyList;
    }

    /// <summary>
    /// Gets <see cref="IdempotencyKeys"/> as the list the in-memory store keeps what it derived from the keys in.
    /// </summary>
    internal Idempotency.IdempotencyKeyList KeyList => _idempotencyKeys ??= new Idempotency.IdempotencyKeyList(IdempotencyKey, _replayKey);

    /// <summary>Sets the list the receive path claimed the keys with; <see langword="null"/> to make it of the keys when read.</summary>
    internal Idempotency.IdempotencyKeyList? ClaimedKeys
    {
        init => _idempotencyKeys = value;
    }

    /// <summary>
    /// Gets or sets whether the lease renewer renews this delivery's claim (it was queued); set by the receive path,
    /// read by the renewer's rounds (<see cref="Idempotency.ClaimLeaseRenewer"/>).
    /// </summary>
    internal bool LeaseRenewed
    {
        get => _leaseRenewed;
        set => _leaseRenewed = value;
    }

    /// <summary>Gets the time the delivery was accepted.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the request body exactly as it was signed.</summary>
    /// <remarks>
    /// With the default in-memory queue the body stays in the pooled buffer the request was read into, and that
    /// buffer goes back to the pool when the delivery is acknowledged (after its handlers succeeded, or after it was
    /// dead-lettered). The body is valid for as long as a handler of this delivery runs; a handler that keeps it
    /// beyond that (a background task, a cache) must copy it first, for example with <c>ToArray()</c>. Dead letters
    /// always hold their own copy.
    /// </remarks>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the JSON payload handlers deserialize (the <c>payload</c> field of a form-encoded GitHub delivery, otherwise the body).</summary>
    /// <remarks>Valid for as long as <see cref="Body"/> is.</remarks>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Gets the provider headers kept for handlers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// Gets the W3C <c>traceparent</c> of the receive span, so that handler spans can link to it, even on
    /// another instance when the queue is shared. <see langword="null"/> when nothing was tracing.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// Gets the number of handler attempts already made for this delivery before it was dequeued: zero for a
    /// new delivery; more when a durable queue hands over a delivery that another instance (or an earlier run)
    /// started and did not finish. The dispatcher continues counting from here, so that a delivery which keeps
    /// crashing its consumers is still dead-lettered after <see cref="WebhookOptions.MaxAttempts"/>.
    /// </summary>
    public int PreviousAttempts { get; init; }

    /// <summary>Gets the number of bytes this delivery holds, as counted against the queue's byte limit.</summary>
    public long Size => Body.Length + (Payload.Equals(Body) ? 0 : Payload.Length);

    /// <summary>Gets whether <see cref="Body"/> lives in a pooled buffer that acknowledgement returns.</summary>
    internal bool HoldsPooledBuffer => _pooledBody?.IsOwnedByQueue == true;

    /// <summary>Sets the pooled body <see cref="Body"/> lives in, which the queue returns at acknowledgement (docs/architecture.md, "The body's life").</summary>
    internal Internal.PooledBody? PooledBody
    {
        init => _pooledBody = value;
    }

    /// <summary>Gives the pooled buffer back, once: when nothing will read <see cref="Body"/> any more (acknowledged).</summary>
    internal void ReturnPooledBuffer() => _pooledBody?.ReturnFromQueue();

    /// <summary>This delivery if it owns its body; otherwise the same delivery with a copy of the body, to outlive acknowledgement.</summary>
    internal WebhookDelivery WithOwnedBody()
    {
        if (!HoldsPooledBuffer)
        {
            return this;
        }

        var body = Body.ToArray();
        ReadOnlyMemory<byte> payload = Payload.Equals(Body) ? body : Payload.ToArray();
        return new WebhookDelivery(DeliveryId, ReceiverName, Provider, EventType, EventId, ReceivedAt, body, payload, Headers)
        {
            IdempotencyKey = IdempotencyKey,
            ReplayKey = _replayKey,
            ClaimedKeys = KeyList,
            ReplayOf = ReplayOf,
            TraceParent = TraceParent,
            PreviousAttempts = PreviousAttempts,
        };
    }
}
