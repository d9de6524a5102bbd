using System.Text.Json.Serialization;

namespace WebhookKit.Paddle;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Paddle Billing payload models. JSON names
/// are snake_case, amounts sent as strings are read as numbers, and unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PaddleEvent))]
[JsonSerializable(typeof(PaddleSubscriptionEvent))]
[JsonSerializable(typeof(PaddleTransactionEvent))]
internal sealed partial class PaddleJsonContext : JsonSerializerContext;
