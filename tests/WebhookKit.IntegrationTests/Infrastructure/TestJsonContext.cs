using System.Text.Json.Serialization;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>A user's own payload model for one Stripe event type.</summary>
public sealed class CustomerUpdated
{
    public string? Id { get; init; }

    public long Created { get; init; }
}

/// <summary>A payload type no registered provider produces, for startup validation tests.</summary>
public sealed class OrphanPayload
{
    public string? Name { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CustomerUpdated))]
[JsonSerializable(typeof(OrphanPayload))]
public sealed partial class TestJsonContext : JsonSerializerContext;
