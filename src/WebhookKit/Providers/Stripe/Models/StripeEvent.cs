using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Stripe;

/// <summary>
/// A Stripe event envelope, as delivered to webhook endpoints: both a v1 "snapshot" event (<c>"object": "event"</c>,
/// the object the event is about in <see cref="Data"/>; read it with
/// <see cref="StripeEventData.GetObject{T}(System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>) and a v2
/// "thin" event (<c>"object": "v2.core.event"</c>, which names the object in <see cref="RelatedObject"/> and usually
/// has no <see cref="Data"/>; fetch the full event from the API by <see cref="Id"/>).
/// </summary>
public sealed class StripeEvent
{
    /// <summary>Gets or sets the event id, for example <c>evt_1DHsSdKCFFPkgtRhy4YMdffC</c>; unique per event and stable across retries.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the object type of the envelope: <c>event</c> for a v1 event, <c>v2.core.event</c> for a v2 thin event.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Mirrors Stripe's 'object' field.")]
    public string? Object { get; set; }

    /// <summary>Gets or sets the Stripe API version used to render <see cref="Data"/>, for example <c>2024-06-20</c>; <see langword="null"/> for a v2 thin event.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Gets or sets when the event was created, in seconds since the Unix epoch.</summary>
    /// <remarks>
    /// v1 events send a number of seconds; v2 events send an ISO 8601 string (<c>2022-02-15T00:27:45.330Z</c>), which
    /// is read as the same seconds (its fraction of a second dropped), so one property serves both.
    /// </remarks>
    [JsonConverter(typeof(StripeTimestampJsonConverter))]
    public long Created { get; set; }

    /// <summary>Gets <see cref="Created"/> as a <see cref="DateTimeOffset"/> in UTC.</summary>
    [JsonIgnore]
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(Created);

    /// <summary>Gets or sets a value indicating whether the event happened in live mode (<see langword="false"/> for test mode).</summary>
    public bool Livemode { get; set; }

    /// <summary>Gets or sets the event type, for example <c>customer.updated</c>. Kept as a string so types Stripe adds later are not rejected.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the number of webhook endpoints that have not yet received this event successfully; 0 for a v2 thin event, which does not say.</summary>
    public long PendingWebhooks { get; set; }

    /// <summary>Gets or sets the connected account the event came from, for Connect webhooks on a v1 event; otherwise <see langword="null"/>.</summary>
    public string? Account { get; set; }

    /// <summary>Gets or sets, for a v2 event, the account or context the event came from (for example <c>acct_123</c>); otherwise <see langword="null"/>.</summary>
    public string? Context { get; set; }

    /// <summary>Gets or sets the API request that caused the event, if any.</summary>
    [JsonConverter(typeof(StripeEventRequestJsonConverter))]
    public StripeEventRequest? Request { get; set; }

    /// <summary>Gets or sets, for a v2 event, the reason the event happened (for example the API request that caused it), as raw JSON; otherwise <see langword="null"/>.</summary>
    public JsonElement? Reason { get; set; }

    /// <summary>Gets or sets, for a v2 thin event, the object the event is about; otherwise <see langword="null"/>.</summary>
    public StripeEventRelatedObject? RelatedObject { get; set; }

    /// <summary>
    /// Gets or sets the event's data: for a v1 event, the object it is about and, for <c>*.updated</c> events, the
    /// previous values. A v2 thin event usually has none (<see langword="null"/>).
    /// </summary>
    public StripeEventData? Data { get; set; }
}
