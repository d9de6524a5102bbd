using Microsoft.Extensions.Options;

namespace WebhookKit.DependencyInjection;

/// <summary>
/// Validates the transport guards of one <c>AddReceiver</c> receiver, at startup and on every reload; the messages name
/// the receiver and its configuration key. Built-in receivers validate theirs with the rest of their options.
/// </summary>
internal sealed class WebhookTransportOptionsValidator(string receiverName, string configurationKey) : IValidateOptions<WebhookTransportOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookTransportOptions options)
    {
        if (!string.Equals(name, receiverName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = options.Validate(receiverName, configurationKey).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
