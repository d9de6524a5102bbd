using System.Text.Json.Serialization;

namespace WebhookKit.Twilio;

/// <summary>Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Twilio payload model. Names are Twilio's own (PascalCase).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TwilioEvent))]
internal sealed partial class TwilioJsonContext : JsonSerializerContext;
