using Microsoft.Extensions.Options;

namespace WebhookKit.DependencyInjection;

/// <summary>Validates <see cref="WebhookOptions"/>' data annotations at startup (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;
