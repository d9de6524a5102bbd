namespace WebhookKit.Shopify;

/// <summary>The customer of a <see cref="ShopifyOrder"/> (the basics; Shopify may redact them without protected-data access).</summary>
public sealed class ShopifyCustomer
{
    /// <summary>Gets the customer id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the customer's email address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the customer's first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the customer's last name.</summary>
    public string? LastName { get; init; }
}
