using System.Text.Json.Serialization;

namespace WebhookKit.Slack;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Slack payload models.
/// JSON names are snake_case; unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackEventEnvelope))]
[JsonSerializable(typeof(SlackSlashCommand))]
[JsonSerializable(typeof(SlackInteraction))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
