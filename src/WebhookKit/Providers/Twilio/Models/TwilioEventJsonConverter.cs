using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Twilio;

/// <summary>
/// Reads a <see cref="TwilioEvent"/> from the JSON object a form delivery becomes, or from a JSON delivery's body:
/// the named parameters as strings (a number or boolean as its text), every other member into
/// <see cref="TwilioEvent.Parameters"/>, and any body that is not an object as an event without parameters, so that
/// no verified Twilio delivery fails to read. Writes the named parameters that are set, then the others.
/// </summary>
internal sealed class TwilioEventJsonConverter : JsonConverter<TwilioEvent>
{
    public override TwilioEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var evt = new TwilioEvent();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip(); // An array (Event Streams' CloudEvents) or a scalar: the raw body has it.
            return evt;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!TrySetNamed(evt, name, ref reader))
            {
                evt.Parameters ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                evt.Parameters[name] = JsonElement.ParseValue(ref reader);
            }
        }

        return evt;
    }

    public override void Write(Utf8JsonWriter writer, TwilioEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteIfSet(writer, "AccountSid", value.AccountSid);
        WriteIfSet(writer, "ApiVersion", value.ApiVersion);
        WriteIfSet(writer, "EventType", value.EventType);
        WriteIfSet(writer, "MessageSid", value.MessageSid);
        WriteIfSet(writer, "SmsSid", value.SmsSid);
        WriteIfSet(writer, "MessagingServiceSid", value.MessagingServiceSid);
        WriteIfSet(writer, "MessageStatus", value.MessageStatus);
        WriteIfSet(writer, "SmsStatus", value.SmsStatus);
        WriteIfSet(writer, "CallSid", value.CallSid);
        WriteIfSet(writer, "CallStatus", value.CallStatus);
        WriteIfSet(writer, "From", value.From);
        WriteIfSet(writer, "To", value.To);
        WriteIfSet(writer, "Body", value.Body);
        WriteIfSet(writer, "Direction", value.Direction);
        WriteIfSet(writer, "ErrorCode", value.ErrorCode);
        if (value.Parameters is not null)
        {
            foreach (var (name, parameter) in value.Parameters)
            {
                writer.WritePropertyName(name);
                parameter.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static bool TrySetNamed(TwilioEvent evt, string name, ref Utf8JsonReader reader)
    {
        Action<TwilioEvent, string?>? set = name switch
        {
            "AccountSid" => static (e, v) => e.AccountSid = v,
            "ApiVersion" => static (e, v) => e.ApiVersion = v,
            "EventType" => static (e, v) => e.EventType = v,
            "MessageSid" => static (e, v) => e.MessageSid = v,
            "SmsSid" => static (e, v) => e.SmsSid = v,
            "MessagingServiceSid" => static (e, v) => e.MessagingServiceSid = v,
            "MessageStatus" => static (e, v) => e.MessageStatus = v,
            "SmsStatus" => static (e, v) => e.SmsStatus = v,
            "CallSid" => static (e, v) => e.CallSid = v,
            "CallStatus" => static (e, v) => e.CallStatus = v,
            "From" => static (e, v) => e.From = v,
            "To" => static (e, v) => e.To = v,
            "Body" => static (e, v) => e.Body = v,
            "Direction" => static (e, v) => e.Direction = v,
            "ErrorCode" => static (e, v) => e.ErrorCode = v,
            _ => null,
        };
        if (set is null || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            return false; // Not a named parameter, or not a parameter's value: kept as it is in Parameters.
        }

        set(evt, reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan), // A number, true or false, as sent.
        });
        return true;
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
