using System.Text.Json.Serialization;

namespace WebhookKit.Shopify;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Shopify payload models. JSON names are
/// snake_case, amounts sent as strings are read as numbers, and unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ShopifyEvent))]
[JsonSerializable(typeof(ShopifyOrder))]
internal sealed partial class ShopifyJsonContext : JsonSerializerContext;
