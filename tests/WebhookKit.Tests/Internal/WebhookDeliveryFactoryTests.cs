using Microsoft.AspNetCore.Http;
using WebhookKit.GitHub;
using WebhookKit.Internal;

namespace WebhookKit.Tests.Internal;

public sealed class WebhookDeliveryFactoryTests
{
    private static WebhookDelivery Create(HeaderDictionary headers, byte[] body, string? idempotencyKey = null)
    {
        var options = new GitHubWebhookOptions();
        options.Secrets.Add("secret");
        var provider = new GitHubWebhookProvider(options);
        var factory = new WebhookDeliveryFactory(TimeProvider.System);
        var result = WebhookProviderResult.Accepted("72d3162e-cc78-11e3-81ab-4c9367dc0958", "push");
        return factory.Create(factory.NewDeliveryId(), "github", provider, result, body, headers, traceParent: null, idempotencyKey);
    }

    [Fact]
    public void Create_ForwardedHeaders_KeepsOnlyThoseSentLookedUpWithoutCase()
    {
        // Arrange
        var headers = new HeaderDictionary
        {
            ["X-GitHub-Event"] = "push",
            ["X-GitHub-Delivery"] = "72d3162e-cc78-11e3-81ab-4c9367dc0958",
            ["User-Agent"] = "GitHub-Hookshot/044aadd",
            ["X-Hub-Signature-256"] = "sha256=00",
        };

        // Act
        var delivery = Create(headers, "{}"u8.ToArray());

        // Assert
        delivery.Headers.Should().HaveCount(3);
        delivery.Headers["x-github-event"].Should().Be("push");
        delivery.Headers.TryGetValue("USER-AGENT", out var userAgent).Should().BeTrue();
        userAgent.Should().Be("GitHub-Hookshot/044aadd");
        delivery.Headers.ContainsKey("X-GitHub-Hook-ID").Should().BeFalse("it was not sent");
        delivery.Headers.ContainsKey("X-Hub-Signature-256").Should().BeFalse("signatures are never forwarded");
        delivery.Headers.Keys.Should().Equal("X-GitHub-Event", "X-GitHub-Delivery", "User-Agent");
        delivery.Headers.Values.Should().Equal("push", "72d3162e-cc78-11e3-81ab-4c9367dc0958", "GitHub-Hookshot/044aadd");
        delivery.Headers.Should().Contain(new KeyValuePair<string, string>("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"));
        var missing = () => delivery.Headers["X-GitHub-Hook-ID"];
        missing.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void Create_RepeatedHeader_IsForwardedJoined()
    {
        // Arrange
        var headers = new HeaderDictionary { ["User-Agent"] = new(["a", "b"]) };

        // Act
        var delivery = Create(headers, "{}"u8.ToArray());

        // Assert
        delivery.Headers["User-Agent"].Should().Be("a,b");
    }

    [Fact]
    public void Create_Body_IsAnExactSizeCopyTheDeliveryOwns()
    {
        // Arrange: a pooled buffer that is longer than the body and is reused after the request.
        var pooled = "{\"ref\":\"refs/heads/main\"}XXXX"u8.ToArray();
        var length = pooled.Length - 4;

        // Act
        var delivery = Create(new HeaderDictionary(), pooled[..length]);
        pooled.AsSpan().Clear();

        // Assert
        delivery.Body.Length.Should().Be(length);
        delivery.Body.ToArray().Should().Equal("{\"ref\":\"refs/heads/main\"}"u8.ToArray());
        delivery.Payload.Should().Be(delivery.Body);
    }

    [Fact]
    public void Create_WithTheClaimsIdempotencyKey_ReusesItInsteadOfBuildingAnother()
    {
        // Arrange: the key the receive path built for its claim.
        var key = WebhookDelivery.CreateIdempotencyKey("github", "72d3162e-cc78-11e3-81ab-4c9367dc0958");

        // Act
        var reused = Create(new HeaderDictionary(), "{}"u8.ToArray(), key);
        var built = Create(new HeaderDictionary(), "{}"u8.ToArray());

        // Assert
        reused.IdempotencyKey.Should().BeSameAs(key);
        built.IdempotencyKey.Should().Be(key).And.NotBeSameAs(key);
    }
}
