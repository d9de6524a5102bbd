using System.Text.Json.Serialization;

namespace WebhookKit.StandardWebhooks;

/// <summary>Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Standard Webhooks envelope. Unknown properties are ignored.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StandardWebhooksEvent))]
internal sealed partial class StandardWebhooksJsonContext : JsonSerializerContext;
