using System.Text.Json.Serialization;

namespace WebhookKit.Stripe;

/// <summary>
/// The Stripe models' source-generated contract without the converters of <see cref="StripeJsonContext"/>: what they
/// write with, so the JSON written stays what System.Text.Json writes for these types.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StripeEvent))]
internal sealed partial class StripeJsonWriteContext : JsonSerializerContext;
