using WebhookKit.Hmac;

namespace WebhookKit.Testing;

/// <summary>Signers of the providers that sign with an HMAC of their own format (Razorpay, Paddle, Bitbucket, Shopify, Slack, Twilio, any HMAC sender), and the shared token of senders that sign nothing.</summary>
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

    /// <summary>A Shopify signer for an app's client secret.</summary>
    /// <param name="secret">The client secret.</param>
    /// <returns>The signer.</returns>
    public static ShopifySigner Shopify(string secret) => new(secret);

    /// <summary>A Slack signer for an app's signing secret, timestamping with the system clock.</summary>
    /// <param name="signingSecret">The signing secret.</param>
    /// <returns>The signer.</returns>
    public static SlackSigner Slack(string signingSecret) => new(signingSecret, TimeProvider.System);

    /// <summary>A Slack signer that timestamps with <paramref name="timeProvider"/>.</summary>
    /// <param name="signingSecret">The signing secret.</param>
    /// <param name="timeProvider">The clock for <c>X-Slack-Request-Timestamp</c>.</param>
    /// <returns>The signer.</returns>
    public static SlackSigner Slack(string signingSecret, TimeProvider timeProvider) => new(signingSecret, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));

    /// <summary>A Twilio signer for an account's auth token.</summary>
    /// <param name="authToken">The auth token.</param>
    /// <returns>The signer.</returns>
    public static TwilioSigner Twilio(string authToken) => new(authToken);

    /// <summary>A signer for a generic HMAC receiver (<c>AddHmac</c>) whose scheme is <paramref name="scheme"/>, timestamping with the system clock.</summary>
    /// <param name="secret">One of the receiver's secrets.</param>
    /// <param name="scheme">The receiver's options (their secrets are not used); read once, here.</param>
    /// <returns>The signer.</returns>
    public static HmacSigner Hmac(string secret, HmacWebhookOptions scheme) => new(secret, scheme, TimeProvider.System);

    /// <summary>A signer for a generic HMAC receiver that timestamps with <paramref name="timeProvider"/>.</summary>
    /// <param name="secret">One of the receiver's secrets.</param>
    /// <param name="scheme">The receiver's options (their secrets are not used); read once, here.</param>
    /// <param name="timeProvider">The clock for the timestamp header.</param>
    /// <returns>The signer.</returns>
    public static HmacSigner Hmac(string secret, HmacWebhookOptions scheme, TimeProvider timeProvider) =>
        new(secret, scheme, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));

    /// <summary>Presents a shared token, for a shared-token receiver (<c>AddSharedToken</c>).</summary>
    /// <param name="token">One of the receiver's tokens.</param>
    /// <returns>The signer.</returns>
    public static SharedTokenSigner SharedToken(string token) => new(token);
}
