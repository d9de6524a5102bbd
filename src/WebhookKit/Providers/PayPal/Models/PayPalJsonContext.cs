using System.Text.Json.Serialization;

namespace WebhookKit.PayPal;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the PayPal payload model. JSON names are
/// snake_case, and unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PayPalEvent))]
internal sealed partial class PayPalJsonContext : JsonSerializerContext;
