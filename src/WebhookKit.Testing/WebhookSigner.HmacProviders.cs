namespace WebhookKit.Testing;

/// <summary>Signers of the providers that sign the raw body with an HMAC of their own format (Razorpay, Paddle, Bitbucket), and the shared token of senders that sign nothing.</summary>
public static partial class WebhookSigner
{
    /// <summary>A Razorpay signer for a webhook secret.</summary>
    /// <param name="secret">The webhook secret.</param>
    /// <returns>The signer.</returns>
    public static RazorpaySigner Razorpay(string secret) => new(secret);

    /// <summary>A Paddle Billing signer for an endpoint secret key, timestamping with the system clock.</summary>
    /// <param name="secret">The endpoint secret key.</param>
    /// <returns>The signer.</returns>
    public static PaddleSigner Paddle(string secret) => new(secret, TimeProvider.System);

    /// <summary>A Paddle Billing signer that timestamps with <paramref name="timeProvider"/>.</summary>
    /// <param name="secret">The endpoint secret key.</param>
    /// <param name="timeProvider">The clock for the <c>ts</c> value.</param>
    /// <returns>The signer.</returns>
    public static PaddleSigner Paddle(string secret, TimeProvider timeProvider) => new(secret, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));

    /// <summary>A Bitbucket Cloud signer for a webhook's secret.</summary>
    /// <param name="secret">The webhook's secret.</param>
    /// <returns>The signer.</returns>
    public static BitbucketSigner Bitbucket(string secret) => new(secret);

    /// <summary>Presents a shared token, for a shared-token receiver (<c>AddSharedToken</c>).</summary>
    /// <param name="token">One of the receiver's tokens.</param>
    /// <returns>The signer.</returns>
    public static SharedTokenSigner SharedToken(string token) => new(token);
}
