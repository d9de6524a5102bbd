using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace WebhookKit.Stripe;

/// <summary>
/// A Stripe event envelope, as delivered to webhook endpoints. The object the event is about is in
/// <see cref="Data"/>; read it with <see cref="StripeEventData.GetObject{T}(System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>.
/// </summary>
public sealed class StripeEvent
{
    /// <summary>Gets or sets the event id, for example <c>evt_1DHsSdKCFFPkgtRhy4YMdffC</c>; unique per event and stable across retries.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the object type of the envelope; always <c>event</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Mirrors Stripe's 'object' field.")]
    public string? Object { get; set; }

    /// <summary>Gets or sets the Stripe API version used to render <see cref="Data"/>, for example <c>2024-06-20</c>.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Gets or sets when the event was created, in seconds since the Unix epoch.</summary>
    public long Created { get; set; }

    /// <summary>Gets <see cref="Created"/> as a <see cref="DateTimeOffset"/> in UTC.</summary>
    [JsonIgnore]
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(Created);

    /// <summary>Gets or sets a value indicating whether the event happened in live mode (<see langword="false"/> for test mode).</summary>
    public bool Livemode { get; set; }

    /// <summary>Gets or sets the event type, for example <c>customer.updated</c>. Kept as a string so types Stripe adds later are not rejected.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the number of webhook endpoints that have not yet received this event successfully.</summary>
    public long PendingWebhooks { get; set; }

    /// <summary>Gets or sets the connected account the event came from, for Connect webhooks; otherwise <see langword="null"/>.</summary>
    public string? Account { get; set; }

    /// <summary>Gets or sets the API request that caused the event, if any.</summary>
    [JsonConverter(typeof(StripeEventRequestJsonConverter))]
    public StripeEventRequest? Request { get; set; }

    /// <summary>Gets or sets the event's data: the object it is about and, for <c>*.updated</c> events, the previous values.</summary>
    public StripeEventData? Data { get; set; }
}
