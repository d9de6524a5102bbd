using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WebhookKit.Tests.Providers.Shopify;

/// <summary>The Shopify known answer through <c>AddShopify</c>, client-secret rotation, ids, bad input.</summary>
public sealed class ShopifyWebhookProviderTests
{
    private const string Secret = "hush";
    private const string Signature = "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=";
    private const string WebhookId = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":1}""");

    private static ReceiverHarness Create(params string[] secrets) =>
        ReceiverHarness.Create(
            "shopify",
            webhooks => webhooks.AddShopify(o =>
            {
                o.AllowShortSecrets = true; // Shopify's published vector uses the 4-byte secret "hush".
                foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
                {
                    o.Secrets.Add(secret);
                }
            }));

    private static WebhookRequest Request(string? signature, byte[]? body = null, params (string Name, string Value)[] extra)
    {
        List<(string, string)> headers = [("X-Shopify-Topic", "orders/create"), ("X-Shopify-Shop-Domain", "example.myshopify.com"), ("X-Shopify-Webhook-Id", WebhookId), ("X-Shopify-Event-Id", "98880550-7158-44d4-b7cd-2c97c8a091b5")];
        if (signature is not null)
        {
            headers.Add(("X-Shopify-Hmac-Sha256", signature));
        }

        foreach (var (name, value) in extra)
        {
            headers.RemoveAll(header => header.Item1 == name);
            if (value.Length > 0)
            {
                headers.Add((name, value));
            }
        }

        return ReceiverHarness.Request(body ?? Body, headers: [.. headers]);
    }

    [Fact]
    public void Read_KnownVector_IsAcceptedWithWebhookIdAndTopic()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(Signature));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be(WebhookId);
        result.EventType.Should().Be("orders/create");
    }

    [Fact]
    public void Read_NoWebhookId_FallsBackToEventId()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(Signature, extra: ("X-Shopify-Webhook-Id", "")));

        result.EventId.Should().Be("98880550-7158-44d4-b7cd-2c97c8a091b5");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_OldAndNewClientSecretConfigured_AcceptsEitherDuringRotation(bool newSecretFirst)
    {
        const string newSecret = "a-new-client-secret";
        using var receiver = newSecretFirst ? Create(newSecret, Secret) : Create(Secret, newSecret);
        var signedWithNew = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(newSecret), Body));

        receiver.Read(Request(Signature)).Status.Should().Be(WebhookProviderStatus.Accepted);
        receiver.Read(Request(signedWithNew)).Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY")]
    [InlineData("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeX=")]
    [InlineData("567294 8d9b0bb8de6265 68e7e449ed701542 17d90c378de2e0 5cc2135fc649e6")]
    [InlineData("5672948d9b0bb8de626568e7e449ed70154217d90c378de2e05cc2135fc649e6")]
    [InlineData("sha256=VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=")]
    public void Read_MissingMalformedOrWrongSignature_IsUnauthorized(string? signature)
    {
        using var receiver = Create();

        var result = receiver.Read(Request(signature));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(Secret).And.NotContain("VnKUjZsL");
    }

    [Fact]
    public void Read_TamperedBody_IsUnauthorized()
    {
        using var receiver = Create();

        receiver.Read(Request(Signature, Encoding.UTF8.GetBytes("""{"id":2}"""))).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_WrongSecret_IsUnauthorized()
    {
        using var receiver = Create("not-hush");

        receiver.Read(Request(Signature)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_SignedWithoutTopic_IsBadRequest()
    {
        using var receiver = Create();

        receiver.Read(Request(Signature, extra: ("X-Shopify-Topic", ""))).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_SignedWithoutAnyId_IsBadRequest()
    {
        using var receiver = Create();

        receiver.Read(Request(Signature, extra: [("X-Shopify-Webhook-Id", ""), ("X-Shopify-Event-Id", "")])).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void ForwardedHeaders_KeepShopAndEventButNotTheSignature()
    {
        using var receiver = Create();

        receiver.Provider.ForwardedHeaders.Should().Contain(["X-Shopify-Shop-Domain", "X-Shopify-Event-Id", "X-Shopify-Topic"]).And.NotContain("X-Shopify-Hmac-Sha256");
    }

    [Fact]
    public void AddShopify_EmptySecret_FailsAtStartupNamingTheKey()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddShopify("store-eu", null), ("Webhooks:store-eu:Secrets:0", " "));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'store-eu'").And.Contain("Webhooks:store-eu:Secrets:0");
    }
}
