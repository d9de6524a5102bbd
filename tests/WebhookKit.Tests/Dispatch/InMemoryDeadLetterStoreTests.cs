using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Internal;

namespace WebhookKit.Tests.Dispatch;

public sealed class InMemoryDeadLetterStoreTests
{
    private const int Capacity = 3;

    [Fact]
    public async Task AddAsync_OneReceiverFloodsTwiceTheCapacity_AnotherReceiversDeadLetterSurvives()
    {
        // Arrange
        var (store, logs) = CreateStore();
        await store.AddAsync(DeadLetter("b-1", "receiver-b"), default);
        var flood = Enumerable.Range(0, 2 * Capacity).Select(i => $"a-{i}").ToList();

        // Act
        foreach (var id in flood)
        {
            await store.AddAsync(DeadLetter(id, "receiver-a"), default);
        }

        // Assert
        (await store.GetAsync("b-1", default)).Should().NotBeNull("receiver A's dead letters count against A's capacity only");
        var listed = await store.ListAsync(100, default);
        listed.Select(deadLetter => deadLetter.DeliveryId).Should().Equal(["b-1", .. flood.TakeLast(Capacity)], "oldest first, A keeping its newest");
        logs.GetSnapshot().Where(record => record.Id.Id == 23).Should().HaveCount(Capacity)
            .And.AllSatisfy(record => record.Message.Should().Contain("receiver-a"));
    }

    [Fact]
    public async Task AddAsync_ReceiverNamesDifferOnlyInCase_ShareOneCapacity()
    {
        // Arrange: receiver names are case-insensitive, as the receiver registry treats them.
        var (store, _) = CreateStore();

        // Act
        for (var i = 0; i <= Capacity; i++)
        {
            await store.AddAsync(DeadLetter($"x-{i}", i % 2 == 0 ? "github" : "GitHub"), default);
        }

        // Assert
        (await store.ListAsync(100, default)).Select(deadLetter => deadLetter.DeliveryId).Should().Equal("x-1", "x-2", "x-3");
    }

    [Fact]
    public async Task DeleteAsync_ThenAddAsync_CapacityCountsOnlyWhatIsKept()
    {
        // Arrange
        var (store, logs) = CreateStore();
        for (var i = 0; i < Capacity; i++)
        {
            await store.AddAsync(DeadLetter($"d-{i}", "github"), default);
        }

        // Act
        (await store.DeleteAsync("d-0", default)).Should().BeTrue();
        await store.AddAsync(DeadLetter("d-new", "github"), default);

        // Assert
        (await store.ListAsync(100, default)).Select(deadLetter => deadLetter.DeliveryId).Should().Equal("d-1", "d-2", "d-new");
        logs.GetSnapshot().Should().NotContain(record => record.Id.Id == 23);
    }

    private static (InMemoryDeadLetterStore Store, FakeLogCollector Logs) CreateStore()
    {
        var time = new FakeTimeProvider();
        var options = Options.Create(new WebhookOptions { DeadLetterCapacity = Capacity });
        var logger = new FakeLogger<InMemoryDeadLetterStore>();
        var idempotency = new InMemoryIdempotencyStore(time);
        var store = new InMemoryDeadLetterStore(
            new InMemoryWebhookQueue(options),
            idempotency,
            new ClaimLeaseRenewer(idempotency, time, options, NullLogger<ClaimLeaseRenewer>.Instance),
            new WebhookDeliveryFactory(time),
            options,
            logger);
        return (store, logger.Collector);
    }

    private static WebhookDeadLetter DeadLetter(string deliveryId, string receiver) =>
        new(
            new WebhookDelivery(deliveryId, receiver, "github", "push", "evt-" + deliveryId, DateTimeOffset.UnixEpoch, "{}"u8.ToArray(), "{}"u8.ToArray(), new Dictionary<string, string>()),
            DateTimeOffset.UnixEpoch,
            attempts: 1,
            reason: "RecordingHandler threw InvalidOperationException");
}
