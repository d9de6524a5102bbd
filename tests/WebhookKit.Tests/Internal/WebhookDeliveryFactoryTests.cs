using Microsoft.AspNetCore.Http;
using WebhookKit.GitHub;
using WebhookKit.Internal;

namespace WebhookKit.Tests.Internal;

public sealed class WebhookDeliveryFactoryTests
{
    private static WebhookDelivery Create(HeaderDictionary headers, byte[] body, string? idempotencyKey = null) =>
        Create(headers, body, null, idempotencyKey);

    /// <summary>A delivery that holds the pooled body itself, handed to the queue as the receive path does.</summary>
    private static WebhookDelivery CreatePooled(HeaderDictionary headers, PooledBody body, string? idempotencyKey = null)
    {
        var delivery = Create(headers, body.Memory, body, idempotencyKey);
        body.HandToQueue();
        return delivery;
    }

    private static WebhookDelivery Create(HeaderDictionary headers, ReadOnlyMemory<byte> body, PooledBody? pooledBody, string? idempotencyKey = null)
    {
        var options = new GitHubWebhookOptions();
        options.Secrets.Add("secret");
        var provider = new GitHubWebhookProvider(options);
        var factory = new WebhookDeliveryFactory(TimeProvider.System);
        var result = WebhookProviderResult.Accepted("72d3162e-cc78-11e3-81ab-4c9367dc0958", "push");
        return factory.Create(factory.NewDeliveryId(), "github", provider, result, body, pooledBody, headers, traceParent: null, idempotencyKey);
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Create_OfACopy_IsAnExactSizeCopyTheDeliveryOwns(bool pinned)
    {
        // Arrange: a pooled buffer that is longer than the body and is reused after the request.
        var pooled = "{\"ref\":\"refs/heads/main\"}XXXX"u8.ToArray();
        var length = pooled.Length - 4;
        var body = new PooledBody(pooled, length, System.Buffers.ArrayPool<byte>.Shared);

        // Act
        var delivery = Create(new HeaderDictionary(), body.Copy(pinned), null);
        pooled.AsSpan().Clear();

        // Assert
        delivery.Body.Length.Should().Be(length);
        delivery.Body.ToArray().Should().Equal("{\"ref\":\"refs/heads/main\"}"u8.ToArray());
        delivery.Payload.Should().Be(delivery.Body);
        delivery.HoldsPooledBuffer.Should().BeFalse();
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(delivery.Body, out var segment).Should().BeTrue();
        segment.Array!.Length.Should().Be(length, "the delivery holds an exact-size array, not a rented one");
    }

    [Fact]
    public void Create_OfAPinnedCopy_PutsTheBodyWhereCollectionsDoNotCopyIt()
    {
        // Act
        var delivery = Create(new HeaderDictionary(), new PooledBody("{}"u8.ToArray(), 2, System.Buffers.ArrayPool<byte>.Shared).Copy(pinned: true), null);

        // Assert: the pinned object heap, which the GC reports as the oldest generation, like the large object heap.
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(delivery.Body, out var segment).Should().BeTrue();
        GC.GetGeneration(segment.Array!).Should().Be(GC.MaxGeneration);
    }

    [Fact]
    public void Create_PooledBuffer_TakesTheBufferWithoutCopying()
    {
        // Arrange
        var pooled = System.Buffers.ArrayPool<byte>.Shared.Rent(64);
        var length = "{\"ref\":\"refs/heads/main\"}"u8.Length;
        "{\"ref\":\"refs/heads/main\"}"u8.CopyTo(pooled);

        // Act
        var delivery = CreatePooled(new HeaderDictionary(), new PooledBody(pooled, length, System.Buffers.ArrayPool<byte>.Shared));

        // Assert
        delivery.HoldsPooledBuffer.Should().BeTrue();
        delivery.Body.Length.Should().Be(length);
        delivery.Payload.Should().Be(delivery.Body);
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(delivery.Body, out var segment).Should().BeTrue();
        segment.Array.Should().BeSameAs(pooled);
        delivery.ReturnPooledBuffer();
        delivery.HoldsPooledBuffer.Should().BeFalse();
    }

    [Fact]
    public void WithOwnedBody_OfAPooledDelivery_CopiesTheBodyAndKeepsEverythingElse()
    {
        // Arrange
        var pooled = "{\"ref\":\"refs/heads/main\"}XXXX"u8.ToArray();
        var length = pooled.Length - 4;
        var key = WebhookDelivery.CreateIdempotencyKey("github", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        var delivery = CreatePooled(new HeaderDictionary { ["X-GitHub-Event"] = "push" }, new PooledBody(pooled, length, System.Buffers.ArrayPool<byte>.Shared), key);

        // Act: the buffer is reused by a later request once the delivery is acknowledged.
        var owned = delivery.WithOwnedBody();
        pooled.AsSpan().Clear();

        // Assert
        owned.Should().NotBeSameAs(delivery);
        owned.HoldsPooledBuffer.Should().BeFalse();
        owned.Body.ToArray().Should().Equal("{\"ref\":\"refs/heads/main\"}"u8.ToArray());
        owned.Payload.Should().Be(owned.Body);
        owned.Should().BeEquivalentTo(delivery, options => options.Excluding(d => d.Body).Excluding(d => d.Payload));
        owned.IdempotencyKey.Should().BeSameAs(key);
    }

    [Fact]
    public void WithOwnedBody_OfADeliveryThatOwnsItsBody_IsTheSameDelivery()
    {
        // Arrange
        var delivery = Create(new HeaderDictionary(), "{}"u8.ToArray());

        // Act + Assert
        delivery.WithOwnedBody().Should().BeSameAs(delivery);
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
