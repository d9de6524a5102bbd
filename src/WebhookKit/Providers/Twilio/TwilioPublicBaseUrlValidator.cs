using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WebhookKit.Twilio;

/// <summary>
/// Fails a Twilio receiver without <see cref="TwilioWebhookOptions.PublicBaseUrl"/> at startup, except in the
/// Development environment. Without it the signed URL is rebuilt from the request's <c>Host</c> header, which the sender
/// chooses: a signature Twilio made for another application of the same account (same path, another host) would be
/// accepted. A service provider without <see cref="IHostEnvironment"/> is treated as production (fail closed).
/// </summary>
internal sealed class TwilioPublicBaseUrlValidator(string receiverName, string configurationKey, IHostEnvironment? environment)
    : IValidateOptions<TwilioWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(name, receiverName, StringComparison.Ordinal)
            || options.PublicBaseUrl is not null
            || environment?.IsDevelopment() == true)
        {
            return ValidateOptionsResult.Skip;
        }

        return ValidateOptionsResult.Fail(
            $"Webhook receiver '{receiverName}' has no '{configurationKey}:PublicBaseUrl'. Twilio signs the public URL it posts to; without this setting the receiver would rebuild that URL from the request's Host header, which any sender can choose, so a signature made for another application of the same Twilio account would be accepted. Set it to the public URL of the application's root, for example 'https://hooks.example.com' (it is optional only in the Development environment).");
    }
}
