using System.Text.Json.Serialization;

namespace WebhookKit.Stripe;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Stripe payload models.
/// JSON names are snake_case; unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StripeEvent))]
internal sealed partial class StripeJsonContext : JsonSerializerContext;
