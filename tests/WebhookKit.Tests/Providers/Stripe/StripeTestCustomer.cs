namespace WebhookKit.Tests.Providers.Stripe;

/// <summary>A small, test-only model of a Stripe customer, read from <c>data.object</c>.</summary>
internal sealed class StripeTestCustomer
{
    public string? Id { get; init; }

    public string? Object { get; init; }

    public string? Description { get; init; }

    public string? Email { get; init; }

    public bool Delinquent { get; init; }

    public long Created { get; init; }

    public Dictionary<string, string>? Metadata { get; init; }
}
