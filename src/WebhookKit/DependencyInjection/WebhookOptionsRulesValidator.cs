using Microsoft.Extensions.Options;

namespace WebhookKit.DependencyInjection;

/// <summary>Validates what data annotations cannot express without reflection: time spans and rules across options.</summary>
internal sealed class WebhookOptionsRulesValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        Check(builder, options.RetryDelay, TimeSpan.Zero, TimeSpan.FromDays(1), nameof(options.RetryDelay));
        Check(builder, options.MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromDays(1), nameof(options.MaxRetryDelay));
        Check(builder, options.LeaseDuration, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), nameof(options.LeaseDuration));
        Check(builder, options.RetentionDuration, TimeSpan.FromSeconds(1), TimeSpan.FromDays(365), nameof(options.RetentionDuration));
        Check(builder, options.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), nameof(options.RetryAfter));
        Check(builder, options.DeadLetterHealthWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), nameof(options.DeadLetterHealthWindow));
        Check(builder, options.Journal.MaxAge, TimeSpan.FromSeconds(1), TimeSpan.FromDays(365), "Journal:" + nameof(options.Journal.MaxAge));

        // Kestrel's MinDataRate refuses a grace period of its heartbeat (1 second) or less.
        if (options.MinRequestBodyDataRateGracePeriod <= TimeSpan.FromSeconds(1) || options.MinRequestBodyDataRateGracePeriod > TimeSpan.FromHours(1))
        {
            builder.AddError($"'Webhooks:{nameof(options.MinRequestBodyDataRateGracePeriod)}' must be more than 00:00:01 and at most 01:00:00.");
        }

        // A zero or smaller maximum silently turns the backoff off (every retry at once).
        if (options.MaxRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            builder.AddError("'Webhooks:MaxRetryDelay' must be more than 00:00:00 and at least 'Webhooks:RetryDelay', or retries would not back off.");
        }

        if (options.QueueMaxBytes < (options.MaxBodyBytes ?? WebhookOptions.DefaultMaxBodyBytes))
        {
            builder.AddError("'Webhooks:QueueMaxBytes' must be at least 'Webhooks:MaxBodyBytes', or a delivery of the largest accepted size could never be queued.");
        }

        if (options.MaxUnverifiedBytes < (options.MaxBodyBytes ?? WebhookOptions.DefaultMaxBodyBytes))
        {
            builder.AddError("'Webhooks:MaxUnverifiedBytes' must be at least 'Webhooks:MaxBodyBytes', or a body of the largest accepted size could never be read.");
        }

        return builder.Build();
    }

    private static void Check(ValidateOptionsResultBuilder builder, TimeSpan value, TimeSpan min, TimeSpan max, string property)
    {
        if (value < min || value > max)
        {
            builder.AddError($"'Webhooks:{property}' must be between {min} and {max}.");
        }
    }
}
