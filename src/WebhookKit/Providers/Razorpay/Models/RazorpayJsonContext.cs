using System.Text.Json.Serialization;

namespace WebhookKit.Razorpay;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Razorpay payload models. JSON names are
/// snake_case and unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RazorpayEvent))]
[JsonSerializable(typeof(RazorpayPaymentEvent))]
internal sealed partial class RazorpayJsonContext : JsonSerializerContext;
