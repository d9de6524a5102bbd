using System.Text.Json;
using WebhookKit.Razorpay;

namespace WebhookKit.Tests.Providers.Razorpay;

/// <summary>The Razorpay models over payloads shaped as Razorpay's webhook reference shows them (Payloads/README.md).</summary>
public sealed class RazorpayModelTests
{
    private static byte[] ReadPayload(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "razorpay", fileName));

    [Fact]
    public void Deserialize_PaymentCaptured_ReadsThePaymentAndEmptyNotes()
    {
        var webhook = JsonSerializer.Deserialize(ReadPayload("payment-captured.json"), RazorpayJsonContext.Default.RazorpayPaymentEvent)!;

        webhook.EventType.Should().Be("payment.captured");
        webhook.AccountId.Should().Be("acc_BFQ7uQEaa7j2z7");
        webhook.Contains.Should().Equal("payment");
        webhook.CreatedAt.Should().Be(1567674606);
        var payment = webhook.Payload!.Payment!.Entity!;
        payment.Should().BeEquivalentTo(new
        {
            Id = "pay_DESlfW9H8K9uqM", Amount = 100L, Currency = "INR", Status = "captured", OrderId = "order_DESlLckIVRkHWj",
            Method = "netbanking", Captured = true, Email = "gaurav.kumar@example.com", Fee = (long?)2, Tax = (long?)0, CreatedAt = 1567674599L,
        });
        payment.InvoiceId.Should().BeNull();
        payment.Notes.ValueKind.Should().Be(JsonValueKind.Array, "Razorpay sends [] for no notes");
        webhook.Payload.Order.Should().BeNull();
    }

    [Fact]
    public void Deserialize_OrderPaid_ReadsThePaymentAndTheOrder()
    {
        var webhook = JsonSerializer.Deserialize(ReadPayload("order-paid.json"), RazorpayJsonContext.Default.RazorpayPaymentEvent)!;

        webhook.Payload!.Payment!.Entity!.Notes.GetProperty("reference_no").GetString().Should().Be("848493");
        webhook.Payload.Order!.Entity.Should().BeEquivalentTo(new { Id = "order_DESlLckIVRkHWj", Amount = 100L, AmountPaid = 100L, AmountDue = 0L, Status = "paid", Attempts = 1, Receipt = "rcptid #1" });
    }

    [Theory]
    [InlineData("payment-captured.json")]
    [InlineData("order-paid.json")]
    public void Deserialize_AnyEventAsCatchAll_KeepsThePayloadAsRawJson(string fileName)
    {
        var webhook = JsonSerializer.Deserialize(ReadPayload(fileName), RazorpayJsonContext.Default.RazorpayEvent)!;

        webhook.Entity.Should().Be("event");
        webhook.EventType.Should().NotBeNullOrEmpty();
        webhook.Payload.GetProperty("payment").GetProperty("entity").GetProperty("id").GetString().Should().Be("pay_DESlfW9H8K9uqM");
    }
}
