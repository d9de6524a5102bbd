using System.Text.Json.Serialization;

namespace WebhookKit.SharedToken;

/// <summary>Source-generated (trimming- and AOT-safe) System.Text.Json metadata for <see cref="SharedTokenEvent"/>.</summary>
[JsonSerializable(typeof(SharedTokenEvent))]
internal sealed partial class SharedTokenJsonContext : JsonSerializerContext;
