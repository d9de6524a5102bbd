using System.Text.Json.Serialization;

namespace WebhookKit.Mailgun;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Mailgun payload models. JSON names are
/// kebab-case (<c>event-data</c>, <c>delivery-status</c>), numbers sent as strings are read as numbers, and unknown
/// properties are kept in each model's <c>AdditionalProperties</c> where it has one.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MailgunWebhook))]
[JsonSerializable(typeof(MailgunInboundMessage))]
[JsonSerializable(typeof(MailgunSignature))]
internal sealed partial class MailgunJsonContext : JsonSerializerContext;
