using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace WebhookKit.DependencyInjection;

/// <summary>Validates one named receiver's options; the messages name the receiver and its configuration key.</summary>
/// <param name="receiverName">The receiver whose named options this validates.</param>
/// <param name="configurationKey">Its configuration section, <c>Webhooks:{receiverName}</c>.</param>
/// <param name="configuration">The app's configuration, when registered: read only to explain a list given as one string.</param>
internal sealed class WebhookReceiverOptionsValidator<TOptions>(string receiverName, string configurationKey, IConfiguration? configuration) : IValidateOptions<TOptions>
    where TOptions : WebhookReceiverOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (!string.Equals(name, receiverName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = ScalarListErrors(options).Concat(options.Validate(receiverName, configurationKey)).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// <c>"Secrets": "abc"</c> binds nothing (the binder fills a list only from children), so the receiver would report
    /// "no secret configured" about a key that is visibly set: say that a list is expected instead.
    /// </summary>
    private IEnumerable<string> ScalarListErrors(TOptions options)
    {
        if (configuration is null)
        {
            yield break;
        }

        foreach (var listName in options.ListOptionNames)
        {
            var section = configuration.GetSection($"{configurationKey}:{listName}");
            if (section.Value is not null && !section.GetChildren().Any())
            {
                yield return $"Webhook receiver '{receiverName}' has '{configurationKey}:{listName}' set to a single string, but it is a list: write \"{listName}\": [ \"…\" ] in JSON, or set '{configurationKey}:{listName}:0' (environment variable {configurationKey.Replace(":", "__", StringComparison.Ordinal)}__{listName}__0).";
            }
        }
    }
}
