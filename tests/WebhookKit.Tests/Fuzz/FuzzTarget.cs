using CsCheck;

namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// A verifier under fuzz: how to build it for a secret, and three generators: correctly signed random deliveries
/// (must be accepted), signed deliveries changed in one signed part after signing (must be refused), and random
/// headers and bodies in the provider's own header names (must be refused, never throw).
/// </summary>
internal sealed class FuzzTarget
{
    public required string Name { get; init; }

    public required Func<string, IWebhookProvider> Create { get; init; }

    public required Gen<FuzzCase> Signed { get; init; }

    public required Gen<FuzzCase> Changed { get; init; }

    public required Gen<FuzzCase> Random { get; init; }

    public override string ToString() => Name;
}
