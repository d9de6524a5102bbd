namespace WebhookKit.Testing;

/// <summary>Signers of the providers that sign the raw body with an HMAC of their own format (Razorpay, Paddle, Bitbucket).</summary>
public static partial class WebhookSigner
{
    /// <summary>A Razorpay signer for a webhook secret.</summary>
    /// <param name="secret">The webhook secret.</param>
    /// <returns>The signer.</returns>
    public static RazorpaySigner Razorpay(string secret) => new(secret);
}
