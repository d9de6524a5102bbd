namespace WebhookKit.IntegrationTests.Providers.Conformance;

/// <summary>A delivery before signing: where it goes, its body and its provider headers (not the signature).</summary>
public sealed record UnsignedDelivery(string PathAndQuery, string ContentType, byte[] Body, (string Name, string Value)[] Headers);

/// <summary>
/// One provider in <see cref="ProviderConformanceTests"/>: how to register its receiver with a typed handler, how to
/// build a delivery whose event id is a given id, and how to sign it the way the provider does.
/// </summary>
public sealed class ProviderCase
{
    /// <summary>Gets the case's display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the header(s) that prove the delivery's origin, removed by the missing-signature case.</summary>
    public required string[] SignatureHeaders { get; init; }

    /// <summary>Gets the registration of the receiver and of a <c>RecordingHandler&lt;T&gt;</c> of <see cref="PayloadType"/>.</summary>
    public required Action<IWebhooksBuilder> Configure { get; init; }

    /// <summary>Gets a delivery whose event id, as WebhookKit derives it, is the given id.</summary>
    public required Func<string, UnsignedDelivery> Create { get; init; }

    /// <summary>Gets the signing headers of a delivery sent to an absolute URL (Twilio signs the URL).</summary>
    public required Func<UnsignedDelivery, Uri, (string Name, string Value)[]> Sign { get; init; }

    /// <summary>
    /// Gets a value indicating whether the proof covers the body. Only a shared-token receiver's does not (a token says who
    /// sent the request, not what it holds): its tampered body is accepted, and the suite checks that it is.
    /// </summary>
    public bool CoversBody { get; init; } = true;

    /// <summary>
    /// Gets, for a provider whose signature is in the body (Mailgun), the delivery with its signature block added;
    /// <see cref="Sign"/> then adds the headers, if any. <see langword="null"/>: the signature is in headers only.
    /// </summary>
    public Func<UnsignedDelivery, UnsignedDelivery>? SignBody { get; init; }

    /// <summary>
    /// Gets how the tampered-delivery case changes a signed part after signing: by default one byte appended to the
    /// body. A provider whose signature does not cover the body (Mailgun) changes what it does cover.
    /// </summary>
    public Func<UnsignedDelivery, UnsignedDelivery>? Tamper { get; init; }

    /// <summary>Gets the event type the handler should see.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the typed payload the handler should receive.</summary>
    public required Type PayloadType { get; init; }

    public override string ToString() => Name;
}
