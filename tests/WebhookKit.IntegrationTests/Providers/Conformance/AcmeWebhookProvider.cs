// The complete example of docs/writing-a-provider.md, kept compiling and running here (it is one of the cases of
// ProviderConformanceTests). If you change one, change the other.
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using WebhookKit;

namespace WebhookKit.IntegrationTests.Providers.Conformance;

/// <summary>Acme signs the raw body: <c>X-Acme-Signature: &lt;hex HMAC-SHA256&gt;</c>; id and type are headers.</summary>
public sealed class AcmeWebhookProvider(byte[] secret) : IWebhookProvider
{
    public string Name => "acme";

    // Headers handlers may read (WebhookEvent.Headers); never the signature.
    public IReadOnlyList<string> ForwardedHeaders { get; } = ["X-Acme-Delivery", "X-Acme-Event"];

    // Runs on the request, before the 200: fast, no exceptions, constant-time comparison, no secrets in reasons.
    public WebhookProviderResult Read(WebhookRequest request)
    {
        Span<byte> presented = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        var signature = request.Headers["X-Acme-Signature"].ToString();   // a repeated header joins into a longer string
        if (signature.Length != 64 || Convert.FromHexString(signature, presented, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return WebhookProviderResult.Unauthorized("X-Acme-Signature missing or malformed");
        }

        HMACSHA256.HashData(secret, request.Body.Span, expected);
        if (!CryptographicOperations.FixedTimeEquals(presented, expected))
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
public sealed class AcmeEvent
{
    public string? Order { get; init; }

    public decimal Amount { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AcmeEvent))]
public sealed partial class AcmeJsonContext : JsonSerializerContext;
