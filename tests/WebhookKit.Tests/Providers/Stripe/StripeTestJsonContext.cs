using System.Text.Json.Serialization;

namespace WebhookKit.Tests.Providers.Stripe;

/// <summary>A test-side source-generated context, as a library user would write for their own Stripe models.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StripeTestCustomer))]
internal sealed partial class StripeTestJsonContext : JsonSerializerContext;
