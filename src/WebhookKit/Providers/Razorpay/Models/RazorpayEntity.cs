namespace WebhookKit.Razorpay;

/// <summary>An entity in a Razorpay event's payload, wrapped as Razorpay sends it: <c>{"entity":{…}}</c>.</summary>
/// <typeparam name="T">The entity's model.</typeparam>
public sealed class RazorpayEntity<T>
    where T : class
{
    /// <summary>Gets or sets the entity.</summary>
    public T? Entity { get; set; }
}
