using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.Stripe;

/// <summary>
/// Reads a <see cref="StripeEvent"/> in one pass: each property matched on its UTF-8 name and read straight from the
/// reader, unknown ones skipped (see <see cref="ModelJsonConverter{T}"/>); writes it as the generated contract does.
/// </summary>
internal sealed class StripeEventJsonConverter() : ModelJsonConverter<StripeEvent>(ReadObject, static () => StripeJsonWriteContext.Default.StripeEvent)
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static StripeEvent? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static StripeEvent ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(StripeEvent));
        var value = new StripeEvent();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.String(ref reader);
                    break;
                case 4 when name.SequenceEqual("data"u8):
                    value.Data = StripeEventDataJsonReader.Read(ref reader);
                    break;
                case 4 when name.SequenceEqual("type"u8):
                    value.Type = ModelJson.RecurringString(ref reader);
                    break;
                case 6 when name.SequenceEqual("object"u8):
                    value.Object = ModelJson.RecurringString(ref reader);
                    break;
                case 6 when name.SequenceEqual("reason"u8):
                    value.Reason = ModelJson.NullableElement(ref reader);
                    break;
                case 7 when name.SequenceEqual("account"u8):
                    value.Account = ModelJson.RecurringString(ref reader);
                    break;
                case 7 when name.SequenceEqual("context"u8):
                    value.Context = ModelJson.String(ref reader);
                    break;
                case 7 when name.SequenceEqual("created"u8):
                    value.Created = StripeTimestampJsonConverter.ReadValue(ref reader);
                    break;
                case 7 when name.SequenceEqual("request"u8):
                    value.Request = StripeEventRequestJsonConverter.ReadValue(ref reader);
                    break;
                case 8 when name.SequenceEqual("livemode"u8):
                    value.Livemode = ModelJson.Boolean(ref reader);
                    break;
                case 11 when name.SequenceEqual("api_version"u8):
                    value.ApiVersion = ModelJson.RecurringString(ref reader);
                    break;
                case 14 when name.SequenceEqual("related_object"u8):
                    value.RelatedObject = StripeEventRelatedObjectJsonReader.Read(ref reader);
                    break;
                case 16 when name.SequenceEqual("pending_webhooks"u8):
                    value.PendingWebhooks = ModelJson.Int64(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
