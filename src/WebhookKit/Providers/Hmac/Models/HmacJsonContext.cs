using System.Text.Json.Serialization;

namespace WebhookKit.Hmac;

/// <summary>Source-generated (trimming- and AOT-safe) System.Text.Json metadata for <see cref="HmacEvent"/>.</summary>
[JsonSerializable(typeof(HmacEvent))]
internal sealed partial class HmacJsonContext : JsonSerializerContext;
