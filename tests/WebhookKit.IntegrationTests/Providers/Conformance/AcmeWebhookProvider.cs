// The complete example of docs/writing-a-provider.md, kept compiling and running here (it is one of the cases of
// ProviderConformanceTests). If you change one, change the other: below the namespace, the two are identical.
using System.Text.Json.Serialization;
using WebhookKit;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.IntegrationTests.Providers.Conformance;

public sealed class AcmeWebhookProvider(IEnumerable<string> secrets) : IWebhookProvider
{
    // Every secret's key, set up once (several while one is rotated).
    private readonly HmacKeySet _keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, secrets);

    public string Name => "acme";

    // Headers handlers may read (WebhookEvent.Headers); never the signature.
    public IReadOnlyList<string> ForwardedHeaders { get; } = ["X-Acme-Delivery", "X-Acme-Event"];

    // Runs on the request, before the 200: fast, no exceptions, constant-time comparison, no secrets in reasons.
    public WebhookProviderResult Read(WebhookRequest request)
    {
        Span<byte> presented = stackalloc byte[32];
        var signature = request.Headers["X-Acme-Signature"];   // a repeated header has Count 2: refused
        if (signature.Count != 1 || !WebhookSignature.TryDecodeHex(signature[0], presented))
        {
            return WebhookProviderResult.Unauthorized("X-Acme-Signature missing, repeated or malformed");
        }

        // Every secret is tried, in constant time, with no early exit.
        if (!_keys.MatchesAny(presented, request.Body.Span))
        {
            return WebhookProviderResult.Unauthorized("X-Acme-Signature not matching");
        }

        var id = request.Headers["X-Acme-Delivery"].ToString();   // dedupe key: stable across Acme's retries
        var type = request.Headers["X-Acme-Event"].ToString();
        return id.Length > 0 && type.Length > 0
            ? WebhookProviderResult.Accepted(id, type)
            : WebhookProviderResult.BadRequest("X-Acme-Delivery or X-Acme-Event missing");
    }
}

/// <summary>Acme's payload, as handlers receive it.</summary>
/// <remarks>Settable properties: the source-generated deserializer builds such objects about 20 % faster than init-only ones.</remarks>
public sealed class AcmeEvent
{
    public string? Order { get; set; }

    public decimal Amount { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AcmeEvent))]
public sealed partial class AcmeJsonContext : JsonSerializerContext;
