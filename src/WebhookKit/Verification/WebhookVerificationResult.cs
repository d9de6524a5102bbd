namespace WebhookKit.Verification;

/// <summary>
/// What a webhook verifier says of a request: verified, or the <see cref="Failure"/> and a fixed
/// <see cref="Description"/> safe to log (it never holds a secret, a signature or payload bytes). A default instance
/// is not verified.
/// </summary>
public readonly struct WebhookVerificationResult
{
    private readonly string? _description;

    private WebhookVerificationResult(bool verified, WebhookVerificationFailure failure, string description, TimeSpan? timestampOffset = null, TimeSpan? tolerance = null)
    {
        IsVerified = verified;
        Failure = failure;
        _description = description;
        TimestampOffset = timestampOffset;
        Tolerance = tolerance;
    }

    /// <summary>Gets the result of a verified request.</summary>
    public static WebhookVerificationResult Verified => new(true, WebhookVerificationFailure.None, string.Empty);

    /// <summary>Gets a value indicating whether the request is verified: signed by one of the configured secrets, and fresh where the scheme is timestamped.</summary>
    public bool IsVerified { get; }

    /// <summary>Gets why the request was refused, or <see cref="WebhookVerificationFailure.None"/> when it is verified.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>Gets fixed text saying why the request was refused (for logs and <see cref="WebhookProviderResult.Unauthorized(in WebhookVerificationResult)"/>); empty when it is verified.</summary>
    public string Description => _description ?? string.Empty;

    /// <summary>
    /// Gets how far the signed timestamp is from now when <see cref="Failure"/> is
    /// <see cref="WebhookVerificationFailure.TimestampOutsideTolerance"/>: positive when it is in the past, negative when
    /// it is in the future (a sender's clock, or a captured delivery). <see langword="null"/> otherwise.
    /// </summary>
    public TimeSpan? TimestampOffset { get; }

    /// <summary>Gets the tolerance the timestamp was judged by when <see cref="Failure"/> is <see cref="WebhookVerificationFailure.TimestampOutsideTolerance"/>; otherwise <see langword="null"/>.</summary>
    public TimeSpan? Tolerance { get; }

    /// <summary>
    /// Creates the result of a request whose signed timestamp is further from now than <paramref name="tolerance"/>,
    /// with the offset that the receive path logs ("timestamp 3600 s in the past, beyond the tolerance of 300 s").
    /// </summary>
    /// <param name="signedUnixSeconds">The signed time, in Unix seconds, as presented.</param>
    /// <param name="timeProvider">The clock the timestamp was judged by.</param>
    /// <param name="tolerance">The tolerance it was judged by.</param>
    /// <returns>The result, with <see cref="Failure"/> <see cref="WebhookVerificationFailure.TimestampOutsideTolerance"/>.</returns>
    public static WebhookVerificationResult OutsideTolerance(long signedUnixSeconds, TimeProvider timeProvider, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        // Int128, then clamped: a hostile timestamp near long.MinValue must not overflow.
        var offset = (Int128)timeProvider.GetUtcNow().ToUnixTimeSeconds() - signedUnixSeconds;
        var bound = TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerSecond;
        var seconds = (long)Int128.Clamp(offset, -bound, bound);
        return new WebhookVerificationResult(false, WebhookVerificationFailure.TimestampOutsideTolerance, "timestamp outside tolerance", TimeSpan.FromSeconds(seconds), tolerance);
    }

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
