namespace WebhookKit.Shopify;

/// <summary>The customer of a <see cref="ShopifyOrder"/> (the basics; Shopify may redact them without protected-data access).</summary>
public sealed class ShopifyCustomer
{
    /// <summary>Gets or sets the customer id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the customer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>Gets or sets the customer's first name.</summary>
    public string? FirstName { get; set; }

    /// <summary>Gets or sets the customer's last name.</summary>
    public string? LastName { get; set; }
}
