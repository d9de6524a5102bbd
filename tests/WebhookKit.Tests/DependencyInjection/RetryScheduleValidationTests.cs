using WebhookKit.DependencyInjection;

namespace WebhookKit.Tests.DependencyInjection;

/// <summary>A retry schedule that would not back off fails at startup instead of retrying at once.</summary>
public sealed class RetryScheduleValidationTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1000)]
    [InlineData(999, 1000)]
    public void Validate_MaxRetryDelayZeroOrBelowRetryDelay_FailsNamingBothKeys(int maxRetryDelayMs, int retryDelayMs)
    {
        var options = new WebhookOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(maxRetryDelayMs), RetryDelay = TimeSpan.FromMilliseconds(retryDelayMs) };

        var result = new WebhookOptionsRulesValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Webhooks:MaxRetryDelay").And.Contain("Webhooks:RetryDelay");
    }

    [Theory]
    [InlineData(1000, 1000)]
    [InlineData(60_000, 1000)]
    [InlineData(50, 0)]
    public void Validate_MaxRetryDelayAtLeastRetryDelay_Succeeds(int maxRetryDelayMs, int retryDelayMs)
    {
        var options = new WebhookOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(maxRetryDelayMs), RetryDelay = TimeSpan.FromMilliseconds(retryDelayMs) };

        new WebhookOptionsRulesValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }
}
