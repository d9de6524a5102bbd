using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.Stripe;

/// <summary>Reads a <see cref="StripeEventRelatedObject"/> in one pass, for the converters of the models that contain one.</summary>
internal static class StripeEventRelatedObjectJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static StripeEventRelatedObject? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static StripeEventRelatedObject ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(StripeEventRelatedObject));
        var value = new StripeEventRelatedObject();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    value.Id = ModelJson.String(ref reader);
                    break;
                case 3 when name.SequenceEqual("url"u8):
                    value.Url = ModelJson.String(ref reader);
                    break;
                case 4 when name.SequenceEqual("type"u8):
                    value.Type = ModelJson.RecurringString(ref reader);
                    break;
                case 14 when name.SequenceEqual("stripe_context"u8):
                    value.StripeContext = ModelJson.String(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
