using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.Mailgun;

/// <summary>
/// Reads <c>signature</c> as the block object of a JSON webhook, and as <see langword="null"/> when it is anything
/// else: a form post's payload (a route, a legacy webhook) has <c>signature</c> as a string, and a verified delivery
/// must not fail its <see cref="MailgunWebhook"/> handlers over a field they never need.
/// </summary>
internal sealed class MailgunSignatureJsonConverter : JsonConverter<MailgunSignature>
{
    public override MailgunSignature? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<MailgunSignature>)options.GetTypeInfo(typeof(MailgunSignature)));
    }

    public override void Write(Utf8JsonWriter writer, MailgunSignature value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<MailgunSignature>)options.GetTypeInfo(typeof(MailgunSignature)));
}
