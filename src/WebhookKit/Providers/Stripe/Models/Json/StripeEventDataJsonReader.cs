using System.Text.Json;
using WebhookKit.Internal.Json;

namespace WebhookKit.Stripe;

/// <summary>Reads a <see cref="StripeEventData"/> in one pass, for the converters of the models that contain one.</summary>
internal static class StripeEventDataJsonReader
{
    /// <summary>Reads the value the reader is on: JSON <c>null</c> or an object.</summary>
    public static StripeEventData? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <summary>Reads the object the reader is on (a <see cref="JsonException"/> for any other token).</summary>
    public static StripeEventData ReadObject(ref Utf8JsonReader reader)
    {
        ModelJson.ExpectObject(ref reader, typeof(StripeEventData));
        var value = new StripeEventData();
        while (ModelJson.NextProperty(ref reader))
        {
            var name = ModelJson.Name(ref reader);
            ModelJson.Next(ref reader);
            switch (name.Length)
            {
                case 6 when name.SequenceEqual("object"u8):
                    // Most of the payload, and read by few handlers: kept as bytes, parsed on first use.
                    if (ModelJson.RawObjectOrArray(ref reader) is { } json)
                    {
                        value.SetUnreadObject(json);
                    }
                    else
                    {
                        value.Object = ModelJson.Element(ref reader);
                    }

                    break;
                case 19 when name.SequenceEqual("previous_attributes"u8):
                    value.PreviousAttributes = ModelJson.NullableElement(ref reader);
                    break;
                default:
                    ModelJson.Skip(ref reader);
                    break;
            }
        }

        return value;
    }
}
