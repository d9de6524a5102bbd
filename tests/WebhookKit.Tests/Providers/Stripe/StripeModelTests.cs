using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookKit.Internal;
using WebhookKit.Stripe;

namespace WebhookKit.Tests.Providers.Stripe;

public sealed class StripeModelTests
{
    private static string ReadPayload(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "stripe", fileName));

    private static StripeEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StripeJsonContext.Default.StripeEvent)!;

    [Fact]
    public void Deserialize_CustomerUpdatedPayload_ReadsEnvelope()
    {
        // Arrange
        var json = ReadPayload("customer.updated.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, StripeJsonContext.Default.StripeEvent);

        // Assert
        evt.Should().NotBeNull();
        evt!.Id.Should().Be("evt_1DHsSdKCFFPkgtRhy4YMdffC");
        evt.Object.Should().Be("event");
        evt.ApiVersion.Should().Be("2018-09-24");
        evt.Created.Should().Be(1538742675);
        evt.CreatedAt.Should().Be(new DateTimeOffset(2018, 10, 5, 12, 31, 15, TimeSpan.Zero));
        evt.Livemode.Should().BeFalse();
        evt.Type.Should().Be("customer.updated");
        evt.PendingWebhooks.Should().Be(1);
        evt.Account.Should().BeNull();
        evt.Request!.Id.Should().Be("req_w9JioK0o4mriXj");
        evt.Request.IdempotencyKey.Should().Be("364f382e-9469-4dc3-b4d0-83c930ade869");
    }

    [Fact]
    public void Deserialize_CustomerUpdatedPayload_ReadsDataAsRawJson()
    {
        // Arrange
        var json = ReadPayload("customer.updated.json");

        // Act
        var data = Deserialize(json).Data;

        // Assert
        data.Should().NotBeNull();
        data!.Object.ValueKind.Should().Be(JsonValueKind.Object);
        data.Object.GetProperty("id").GetString().Should().Be("cus_DjL8lObxrWj04W");
        data.ObjectType.Should().Be("customer");
        data.PreviousAttributes.Should().NotBeNull();
        data.PreviousAttributes!.Value.GetProperty("metadata").GetProperty("foo").GetString().Should().Be("bar");
    }

    [Fact]
    public void GetObject_WithTestContext_ReturnsTypedObject()
    {
        // Arrange
        var data = Deserialize(ReadPayload("customer.updated.json")).Data!;

        // Act
        var customer = data.GetObject(StripeTestJsonContext.Default.StripeTestCustomer);

        // Assert
        customer.Should().NotBeNull();
        customer!.Id.Should().Be("cus_DjL8lObxrWj04W");
        customer.Object.Should().Be("customer");
        customer.Description.Should().Be("Test customer");
        customer.Email.Should().BeNull();
        customer.Delinquent.Should().BeFalse();
        customer.Created.Should().Be(1538742657);
        customer.Metadata.Should().ContainKey("foo").WhoseValue.Should().Be("baz");
    }

    [Fact]
    public void GetObject_WhenDataObjectMissing_ThrowsInvalidOperationException()
    {
        // Arrange
        var node = JsonNode.Parse(ReadPayload("customer.updated.json"))!;
        node["data"]!.AsObject().Remove("object");
        var data = Deserialize(node.ToJsonString()).Data!;

        // Act
        var act = () => data.GetObject(StripeTestJsonContext.Default.StripeTestCustomer);

        // Assert
        data.Object.ValueKind.Should().Be(JsonValueKind.Undefined);
        data.ObjectType.Should().BeNull();
        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*data.object*StripeTestCustomer*");
    }

    [Fact]
    public void GetObject_WhenDataObjectIsNull_ReturnsNull()
    {
        // Arrange
        var node = JsonNode.Parse(ReadPayload("customer.updated.json"))!;
        node["data"]!["object"] = null;
        var data = Deserialize(node.ToJsonString()).Data!;

        // Act
        var customer = data.GetObject(StripeTestJsonContext.Default.StripeTestCustomer);

        // Assert
        customer.Should().BeNull();
        data.ObjectType.Should().BeNull();
    }

    [Fact]
    public void GetObject_WithNullTypeInfo_ThrowsArgumentNullException()
    {
        // Arrange
        var data = Deserialize(ReadPayload("customer.updated.json")).Data!;

        // Act
        var act = () => data.GetObject<StripeTestCustomer>(null!);

        // Assert
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Deserialize_WithoutPreviousAttributes_LeavesPreviousAttributesNull()
    {
        // Arrange
        var node = JsonNode.Parse(ReadPayload("customer.updated.json"))!;
        node["type"] = "customer.created";
        node["data"]!.AsObject().Remove("previous_attributes");

        // Act
        var evt = Deserialize(node.ToJsonString());

        // Assert
        evt.Type.Should().Be("customer.created");
        evt.Data!.PreviousAttributes.Should().BeNull();
    }

    [Fact]
    public void Deserialize_ConnectEventWithoutRequest_ReadsAccountAndNullRequest()
    {
        // Arrange
        var node = JsonNode.Parse(ReadPayload("customer.updated.json"))!;
        node["account"] = "acct_1032D82eZvKYlo2C";
        node["request"] = null;

        // Act
        var evt = Deserialize(node.ToJsonString());

        // Assert
        evt.Account.Should().Be("acct_1032D82eZvKYlo2C");
        evt.Request.Should().BeNull();
    }

    [Fact]
    public void Deserialize_RequestWithNullFields_ReadsNulls()
    {
        // Arrange: events not caused by an API request (for example automatic renewals).
        var node = JsonNode.Parse(ReadPayload("customer.updated.json"))!;
        node["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null, ["future_field"] = new JsonArray(1) };

        // Act
        var evt = Deserialize(node.ToJsonString());

        // Assert
        evt.Request.Should().NotBeNull();
        evt.Request!.Id.Should().BeNull();
        evt.Request.IdempotencyKey.Should().BeNull();
    }

    [Fact]
    public void Deserialize_LegacyStringRequest_ReadsRequestId()
    {
        // Arrange: API versions before 2017-05-25 send "request" as a plain id.
        var node = JsonNode.Parse(ReadPayload("customer.updated.json"))!;
        node["request"] = "req_legacy123";

        // Act
        var evt = Deserialize(node.ToJsonString());

        // Assert
        evt.Request!.Id.Should().Be("req_legacy123");
        evt.Request.IdempotencyKey.Should().BeNull();
    }

    [Fact]
    public void Deserialize_UnknownFieldsAndEventType_AreTolerated()
    {
        // Arrange
        var node = JsonNode.Parse(ReadPayload("customer.updated.json"))!;
        node["type"] = "some_future.event_type";
        node["brand_new_field"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
        node["data"]!["another_new_field"] = true;

        // Act
        var evt = Deserialize(node.ToJsonString());

        // Assert
        evt.Type.Should().Be("some_future.event_type");
        evt.Id.Should().Be("evt_1DHsSdKCFFPkgtRhy4YMdffC");
        evt.Data!.ObjectType.Should().Be("customer");
    }

    [Fact]
    public void Serialize_DeserializedEvent_RoundTrips()
    {
        // Arrange
        var evt = Deserialize(ReadPayload("customer.updated.json"));

        // Act
        var json = JsonSerializer.Serialize(evt, StripeJsonContext.Default.StripeEvent);
        var again = Deserialize(json);

        // Assert
        json.Should().NotContain("created_at").And.NotContain("object_type");
        again.Id.Should().Be(evt.Id);
        again.Request!.IdempotencyKey.Should().Be(evt.Request!.IdempotencyKey);
        again.Data!.ObjectType.Should().Be("customer");
    }

    [Fact]
    public void Serialize_EventWithoutDataObject_OmitsObject()
    {
        // Arrange
        var node = JsonNode.Parse(ReadPayload("customer.updated.json"))!;
        node["data"]!.AsObject().Remove("object");
        var evt = Deserialize(node.ToJsonString());

        // Act
        var json = JsonSerializer.Serialize(evt, StripeJsonContext.Default.StripeEvent);

        // Assert
        JsonNode.Parse(json)!["data"]!.AsObject().ContainsKey("object").Should().BeFalse();
    }

    [Fact]
    public void Deserialize_V2ThinEvent_ReadsEnvelopeAndRelatedObject()
    {
        // Arrange: the thin event stripe-python's tests parse (an ISO 8601 "created", no "data").
        var json = ReadCorpusPayload("v2.thin.error_report_triggered.json");

        // Act
        var viaSerializer = JsonSerializer.Deserialize(json, StripeJsonContext.Default.StripeEvent);
        var viaDispatch = new DeclaredPropertyReader<StripeEvent>(StripeJsonContext.Default.StripeEvent).Deserialize(json);

        // Assert
        foreach (var evt in new[] { viaSerializer, viaDispatch })
        {
            evt.Should().NotBeNull();
            evt!.Id.Should().Be("evt_234");
            evt.Object.Should().Be("v2.core.event");
            evt.Type.Should().Be("v1.billing.meter.error_report_triggered");
            evt.Livemode.Should().BeTrue();
            evt.Created.Should().Be(1644884865);
            evt.CreatedAt.Should().Be(new DateTimeOffset(2022, 2, 15, 0, 27, 45, TimeSpan.Zero));
            evt.ApiVersion.Should().BeNull();
            evt.Data.Should().BeNull();
            evt.RelatedObject.Should().BeEquivalentTo(new StripeEventRelatedObject
            {
                Id = "mtr_123",
                Type = "billing.meter",
                Url = "/v1/billing/meters/mtr_123",
                StripeContext = "acct_123",
            });
            evt.Reason!.Value.GetProperty("idempotency_key").GetString().Should().Be("bar");
        }
    }

    [Fact]
    public void Deserialize_V2EventWithContextAndData_ReadsContextAndData()
    {
        // Arrange
        var json = ReadCorpusPayload("v2.thin.with_data.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, StripeJsonContext.Default.StripeEvent)!;

        // Assert
        evt.Context.Should().Be("acct_123");
        evt.Reason.Should().BeNull();
        evt.Data.Should().NotBeNull();
        evt.Data!.Object.ValueKind.Should().Be(JsonValueKind.Undefined);
    }

    [Theory]
    [InlineData("\"2022-02-15T00:27:45.330Z\"", 1644884865)]
    [InlineData("\"2022-02-15T01:27:45+01:00\"", 1644884865)]
    [InlineData("\"1644884865\"", 1644884865)]
    [InlineData("1644884865", 1644884865)]
    public void Deserialize_CreatedAsNumberOrString_ReadsUnixSeconds(string created, long expected)
    {
        // Arrange
        var json = $$"""{"id":"evt_1","object":"event","type":"x","created":{{created}}}""";

        // Act
        var evt = Deserialize(json);

        // Assert
        evt.Created.Should().Be(expected);
    }

    [Fact]
    public void Deserialize_CreatedNotATimestamp_ThrowsJsonException()
    {
        // Arrange
        var json = """{"id":"evt_1","created":"yesterday"}""";

        // Act
        var act = () => Deserialize(json);

        // Assert
        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Serialize_V2ThinEvent_WritesCreatedAsSecondsAndRelatedObject()
    {
        // Arrange
        var evt = Deserialize(System.Text.Encoding.UTF8.GetString(ReadCorpusPayload("v2.thin.error_report_triggered.json")));

        // Act
        var json = JsonSerializer.Serialize(evt, StripeJsonContext.Default.StripeEvent);

        // Assert
        json.Should().Contain("\"created\":1644884865").And.Contain("\"related_object\":{\"id\":\"mtr_123\"");
    }

    private static byte[] ReadCorpusPayload(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "corpus", "stripe", fileName));
}
