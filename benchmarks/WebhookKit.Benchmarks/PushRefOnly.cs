using System.Text.Json.Serialization;

namespace WebhookKit.Benchmarks;

/// <summary>
/// A model a handler that needs only the pushed ref would declare for itself (registered with
/// <c>AddPayloadType("github", "push", PushRefOnlyJsonContext.Default.PushRefOnly)</c>): the lower bound of a typed parse.
/// </summary>
public sealed class PushRefOnly
{
    /// <summary>Gets or sets the pushed ref.</summary>
    public string? Ref { get; set; }
}

/// <summary>Source-generated metadata for <see cref="PushRefOnly"/>.</summary>
[JsonSerializable(typeof(PushRefOnly))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class PushRefOnlyJsonContext : JsonSerializerContext;
