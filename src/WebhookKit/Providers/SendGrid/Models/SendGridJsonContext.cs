using System.Text.Json.Serialization;

namespace WebhookKit.SendGrid;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the SendGrid payload models. JSON names are
/// snake_case, numbers sent as strings (<c>attempt</c>) are read as numbers, and unknown properties are kept in
/// <see cref="SendGridEvent.AdditionalProperties"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendGridEventBatch))]
[JsonSerializable(typeof(SendGridEvent))]
internal sealed partial class SendGridJsonContext : JsonSerializerContext;
