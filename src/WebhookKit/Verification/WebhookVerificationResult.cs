namespace WebhookKit.Verification;

/// <summary>
/// What a webhook verifier says of a request: verified, or the <see cref="Failure"/> and a fixed
/// <see cref="Description"/> safe to log (it never holds a secret, a signature or payload bytes). A default instance
/// is not verified.
/// </summary>
public readonly struct WebhookVerificationResult
{
    private readonly string? _description;

    private WebhookVerificationResult(bool verified, WebhookVerificationFailure failure, string description)
    {
        IsVerified = verified;
        Failure = failure;
        _description = description;
    }

    /// <summary>Gets the result of a verified request.</summary>
    public static WebhookVerificationResult Verified => new(true, WebhookVerificationFailure.None, string.Empty);

    /// <summary>Gets a value indicating whether the request is verified: signed by one of the configured secrets, and fresh where the scheme is timestamped.</summary>
    public bool IsVerified { get; }

    /// <summary>Gets why the request was refused, or <see cref="WebhookVerificationFailure.None"/> when it is verified.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>Gets fixed text saying why the request was refused (for logs and <see cref="WebhookProviderResult.Unauthorized"/>); empty when it is verified.</summary>
    public string Description => _description ?? string.Empty;

    /// <summary>Creates the result of a refused request.</summary>
    /// <param name="failure">Why it was refused; not <see cref="WebhookVerificationFailure.None"/>.</param>
    /// <param name="description">Fixed text: never a secret, a signature or anything else taken from the request.</param>
    /// <returns>The result.</returns>
    public static WebhookVerificationResult Failed(WebhookVerificationFailure failure, string description)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(failure, WebhookVerificationFailure.None);
        ArgumentException.ThrowIfNullOrEmpty(description);
        return new WebhookVerificationResult(false, failure, description);
    }

    /// <inheritdoc/>
    public override string ToString() => IsVerified ? "verified" : $"{Failure}: {Description}";
}
