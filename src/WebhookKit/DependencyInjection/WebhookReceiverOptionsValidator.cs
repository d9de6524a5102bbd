using Microsoft.Extensions.Options;

namespace WebhookKit.DependencyInjection;

/// <summary>Validates one named receiver's options; the messages name the receiver and its configuration key.</summary>
internal sealed class WebhookReceiverOptionsValidator<TOptions>(string receiverName, string configurationKey) : IValidateOptions<TOptions>
    where TOptions : WebhookReceiverOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (!string.Equals(name, receiverName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = options.Validate(receiverName, configurationKey).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
