using System.Text.Json;
using WebhookKit.SendGrid;

namespace WebhookKit.Tests.Providers.SendGrid;

/// <summary>
/// The batch model on events shaped after SendGrid's Event Webhook reference (its list of delivery and engagement
/// events and their fields, and the example events of sendgrid/sendgrid-csharp's <c>examples/eventwebhook</c>);
/// placeholder values written for these tests.
/// </summary>
public sealed class SendGridModelTests
{
    private const string Batch = """
        [
          {"email":"a@example.com","timestamp":1513299569,"smtp-id":"<14c5d75ce93.dfd.64b469@ismtpd-555>","event":"processed","category":"cat facts","sg_event_id":"e1","sg_message_id":"m1"},
          {"email":"a@example.com","timestamp":1513299569,"event":"deferred","category":["cat facts","dog facts"],"sg_event_id":"e2","sg_message_id":"m1","response":"400 try again later","attempt":"5"},
          {"email":"a@example.com","timestamp":1513299569,"event":"bounce","sg_event_id":"e3","sg_message_id":"m1","reason":"500 unknown recipient","status":"5.0.0","type":"bounce","bounce_classification":"Invalid Address"},
          {"email":"a@example.com","timestamp":1513299569,"event":"click","sg_event_id":"e4","sg_message_id":"m1","useragent":"Mozilla/5.0","ip":"192.0.2.1","url":"https://example.com/","order_id":"o-17"},
          {"email":"a@example.com","timestamp":1513299569,"event":"group_unsubscribe","sg_event_id":"e5","sg_message_id":"m1","asm_group_id":10}
        ]
        """;

    private static SendGridEventBatch Read(string json) =>
        JsonSerializer.Deserialize(json, SendGridJsonContext.Default.SendGridEventBatch)!;

    [Fact]
    public void Deserialize_MixedBatch_ReadsEachEventsFields()
    {
        var events = Read(Batch).Events;

        events.Select(e => e.Event).Should().Equal("processed", "deferred", "bounce", "click", "group_unsubscribe");
        events[0].Should().BeEquivalentTo(new { Email = "a@example.com", Timestamp = 1513299569L, SmtpId = "<14c5d75ce93.dfd.64b469@ismtpd-555>", SgEventId = "e1", SgMessageId = "m1" });
        events[0].Category.Should().Equal("cat facts");
        events[1].Category.Should().Equal("cat facts", "dog facts");
        events[1].Attempt.Should().Be(5);
        events[1].Response.Should().Be("400 try again later");
        events[2].Should().BeEquivalentTo(new { Reason = "500 unknown recipient", Status = "5.0.0", Type = "bounce", BounceClassification = "Invalid Address" });
        events[3].Should().BeEquivalentTo(new { UserAgent = "Mozilla/5.0", Ip = "192.0.2.1", Url = "https://example.com/" });
        events[4].AsmGroupId.Should().Be(10);
    }

    [Fact]
    public void Deserialize_CustomArguments_AreInAdditionalProperties()
    {
        var click = Read(Batch).Events[3];

        click.AdditionalProperties.Should().ContainKey("order_id").WhoseValue.GetString().Should().Be("o-17");
    }

    [Fact]
    public void Deserialize_EventWithAFieldOfAnUnexpectedType_IsKeptWithItsIdentityAndEveryProperty()
    {
        const string json = """[{"event":"open","sg_event_id":"e1","timestamp":1.5,"category":{"x":1}},{"event":"delivered","sg_event_id":"e2"}]""";

        var events = Read(json).Events;

        events.Should().HaveCount(2);
        events[0].Should().BeEquivalentTo(new { Event = "open", SgEventId = "e1" });
        events[0].AdditionalProperties.Should().ContainKeys("timestamp", "category");
        events[1].SgEventId.Should().Be("e2");
    }

    [Fact]
    public void Deserialize_SendGridKnownAnswerBody_ReadsTheDroppedEvent()
    {
        var dropped = JsonSerializer.Deserialize(SendGridVectors.Body, SendGridJsonContext.Default.SendGridEventBatch)!.Events.Should().ContainSingle().Subject;

        dropped.Should().BeEquivalentTo(new { Event = "dropped", Reason = "Bounced Address", SgEventId = SendGridVectors.SgEventId, Timestamp = 1600112492L });
    }

    [Theory]
    [InlineData("""{"event":"open"}""")]
    [InlineData("""[1]""")]
    public void Deserialize_NotAnArrayOfObjects_ThrowsJsonException(string json)
    {
        var act = () => Read(json);

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Serialize_Batch_RoundTrips()
    {
        var batch = Read(Batch);

        var again = Read(JsonSerializer.Serialize(batch, SendGridJsonContext.Default.SendGridEventBatch));

        again.Should().BeEquivalentTo(batch, options => options.Excluding(member => member.Name == nameof(SendGridEvent.AdditionalProperties)));
        again.Events[3].AdditionalProperties!["order_id"].GetString().Should().Be("o-17");
    }
}
