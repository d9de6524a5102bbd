using System.Text.Json;
using WebhookKit.Paddle;

namespace WebhookKit.Tests.Providers.Paddle;

/// <summary>The Paddle models over Paddle's own SDK mocks (Payloads/README.md).</summary>
public sealed class PaddleModelTests
{
    private static byte[] ReadPayload(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "paddle", fileName));

    [Fact]
    public void Deserialize_SubscriptionCreated_ReadsTheSubscriptionAndItsItems()
    {
        var webhook = JsonSerializer.Deserialize(ReadPayload("subscription-created.json"), PaddleJsonContext.Default.PaddleSubscriptionEvent)!;

        (webhook.EventId, webhook.EventType, webhook.NotificationId).Should().Be(("evt_01h7ht60jy5hpdv5x8tfsaxje4", "subscription.created", "ntf_01h7ht60n4grsa2a5ddd54h1j0"));
        webhook.OccurredAt.Should().Be(new DateTimeOffset(2023, 8, 11, 8, 7, 38, 334, TimeSpan.Zero).AddTicks(1500));
        var subscription = webhook.Data!;
        subscription.Should().BeEquivalentTo(new
        {
            Id = "sub_01h7ht5z5wdg9pz18jx1fagp8k", Status = "active", CustomerId = "ctm_01h7hswb86rtps5ggbq7ybydcw", BusinessId = "biz_01h7ht30avfmwa4kvkfeg4ef8e",
            CurrencyCode = "USD", CollectionMode = "automatic", TransactionId = "txn_01h7hst69d7tar4rm6vyeb0j36",
        });
        subscription.PausedAt.Should().BeNull();
        subscription.CanceledAt.Should().BeNull();
        subscription.CustomData.ValueKind.Should().Be(JsonValueKind.Null);
        subscription.Items.Should().HaveCount(2);
        subscription.Items![0].Should().BeEquivalentTo(new { Status = "active", Quantity = 10, Recurring = true });
        subscription.Items[0].Price!.Should().BeEquivalentTo(new { Id = "pri_01gsz8x8sawmvhz1pv30nge1ke", ProductId = "pro_01gsz4t5hdjse780zja8vvr7jg", Description = "Monthly (per seat)" });
        subscription.Items[1].Price!.UnitPrice.Should().BeEquivalentTo(new { Amount = 10800L, CurrencyCode = "USD" });
    }

    [Fact]
    public void Deserialize_TransactionCompleted_ReadsTotalsSentAsStrings()
    {
        var webhook = JsonSerializer.Deserialize(ReadPayload("transaction-completed.json"), PaddleJsonContext.Default.PaddleTransactionEvent)!;

        webhook.EventType.Should().Be("transaction.completed");
        var transaction = webhook.Data!;
        transaction.Should().BeEquivalentTo(new { Id = "txn_01h8dzxgkvdwemdhbpcapj2tbj", Status = "completed", Origin = "web", CustomerId = "ctm_01h8e18bxp9hby49dnm8ewf0m0", CurrencyCode = "USD" });
        transaction.SubscriptionId.Should().BeNull();
        transaction.Details!.Totals.Should().BeEquivalentTo(new { Subtotal = 59900L, Tax = 5315L, Total = 65215L, GrandTotal = 65215L, Fee = (long?)3311, Earnings = (long?)56589, CurrencyCode = "USD" });
        transaction.Items!.Select(item => (item.Price!.Id, item.Quantity)).Should().Equal(("pri_01gsz8x8sawmvhz1pv30nge1ke", 10), ("pri_01gsz98e27ak2tyhexptwc58yk", 1));
    }

    [Theory]
    [InlineData("subscription-created.json", "sub_01h7ht5z5wdg9pz18jx1fagp8k")]
    [InlineData("transaction-completed.json", "txn_01h8dzxgkvdwemdhbpcapj2tbj")]
    public void Deserialize_AnyEventAsCatchAll_KeepsTheDataAsRawJson(string fileName, string entityId)
    {
        var webhook = JsonSerializer.Deserialize(ReadPayload(fileName), PaddleJsonContext.Default.PaddleEvent)!;

        webhook.EventId.Should().StartWith("evt_");
        webhook.Data.GetProperty("id").GetString().Should().Be(entityId);
    }
}
