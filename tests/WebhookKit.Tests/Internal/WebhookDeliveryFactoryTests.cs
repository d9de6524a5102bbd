using Microsoft.AspNetCore.Http;
using WebhookKit.GitHub;
using WebhookKit.Idempotency;
using WebhookKit.Internal;

namespace WebhookKit.Tests.Internal;

public sealed class WebhookDeliveryFactoryTests
{
    private static readonly WebhookDeliveryFactory Factory = new(TimeProvider.System);

    private static WebhookDelivery Create(HeaderDictionary headers, byte[] body, IdempotencyKeyList? keys = null) =>
        Create(headers, body, null, keys);

    /// <summary>A delivery that holds the pooled body itself, handed to the queue as the receive path does.</summary>
    private static WebhookDelivery CreatePooled(HeaderDictionary headers, PooledBody body, IdempotencyKeyList? keys = null)
    {
        var delivery = Create(headers, body.Memory, body, keys);
        body.HandToQueue();
        return delivery;
    }

    private static WebhookDelivery Create(HeaderDictionary headers, ReadOnlyMemory<byte> body, PooledBody? pooledBody, IdempotencyKeyList? keys = null)
    {
        var result = WebhookProviderResult.Accepted("72d3162e-cc78-11e3-81ab-4c9367dc0958", "push");
        return Factory.Create(Factory.NewDeliveryId(), "github", Provider, RecentHeaderValues, result, "push", body, pooledBody, headers, traceParent: null, keys);
    }

    private static GitHubWebhookProvider Provider { get; } = CreateProvider();

    private static string?[] RecentHeaderValues { get; } = new string?[Provider.ForwardedHeaders.Count];

    private static GitHubWebhookProvider CreateProvider()
    {
        var options = new GitHubWebhookOptions();
        options.Secrets.Add("secret");
        return new GitHubWebhookProvider(options);
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
        var keys = IdempotencyKeyList.Of("github", "72d3162e-cc78-11e3-81ab-4c9367dc0958", WebhookDelivery.CreateReplayDigest("push", [1, 2], pooled));
        var delivery = CreatePooled(new HeaderDictionary { ["X-GitHub-Event"] = "push" }, new PooledBody(pooled, length, System.Buffers.ArrayPool<byte>.Shared), keys);

        // Act: the buffer is reused by a later request once the delivery is acknowledged.
        var owned = delivery.WithOwnedBody();
        pooled.AsSpan().Clear();

        // Assert
        owned.Should().NotBeSameAs(delivery);
        owned.HoldsPooledBuffer.Should().BeFalse();
        owned.Body.ToArray().Should().Equal("{\"ref\":\"refs/heads/main\"}"u8.ToArray());
        owned.Payload.Should().Be(owned.Body);
        owned.Should().BeEquivalentTo(delivery, options => options.Excluding(d => d.Body).Excluding(d => d.Payload));
        owned.KeyList.Should().BeSameAs(keys, "the in-memory store's digests are in it");
        owned.ReplayKey.Should().Be(keys[1]);
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
    public void Create_WithTheClaimsKeyList_KeepsItAndMakesTheKeysOfItWhenRead()
    {
        // Arrange: the list the receive path claimed with, made of the key's parts.
        var digest = WebhookDelivery.CreateReplayDigest("push", [1, 2], "{}"u8);
        var keys = IdempotencyKeyList.Of("github", "72d3162e-cc78-11e3-81ab-4c9367dc0958", digest);

        // Act
        var delivery = Create(new HeaderDictionary(), "{}"u8.ToArray(), keys);
        var built = Create(new HeaderDictionary(), "{}"u8.ToArray());

        // Assert
        delivery.KeyList.Should().BeSameAs(keys);
        delivery.IdempotencyKey.Should().Be("github:72d3162e-cc78-11e3-81ab-4c9367dc0958");
        delivery.ReplayKey.Should().Be(WebhookDelivery.CreateReplayKey("github", digest));
        delivery.IdempotencyKeys.Should().Equal(delivery.IdempotencyKey, delivery.ReplayKey);
        built.IdempotencyKeys.Should().Equal("github:72d3162e-cc78-11e3-81ab-4c9367dc0958");
        built.ReplayKey.Should().BeNull();
    }

    [Fact]
    public void Create_HeaderValueTheLastDeliveryHad_IsThatDeliverysString()
    {
        // Arrange: each request's values are strings of their own, as Kestrel makes them.
        static HeaderDictionary Headers(string hookId) => new()
        {
            ["X-GitHub-Hook-ID"] = new string(hookId.AsSpan()),
            ["X-GitHub-Delivery"] = Guid.NewGuid().ToString(),
        };

        // Act
        var first = new HeaderDictionary[] { Headers("292430182"), Headers("292430182"), Headers("1"), Headers("1") }
            .Select(headers => Create(headers, "{}"u8.ToArray()))
            .ToArray();

        // Assert: a repeated value is one string; one that changed is the request's, and shared from then on.
        first.Select(delivery => delivery.Headers["X-GitHub-Hook-ID"]).Should().Equal("292430182", "292430182", "1", "1");
        first[1].Headers["X-GitHub-Hook-ID"].Should().BeSameAs(first[0].Headers["X-GitHub-Hook-ID"]);
        first[3].Headers["X-GitHub-Hook-ID"].Should().BeSameAs(first[2].Headers["X-GitHub-Hook-ID"]);
        first[1].Headers["X-GitHub-Delivery"].Should().NotBe(first[0].Headers["X-GitHub-Delivery"]);
    }
}
