using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookKit.Sample;

/// <summary>
/// Writes a health report as JSON with each check's status, description and data, so that <c>/healthz</c> shows what
/// the webhooks check reports (<c>queue.depth</c>, <c>queue.bytes</c>, <c>dead_lettered.total</c>, and
/// <c>dead_lettered.last</c> once a delivery was dead-lettered). Written with <see cref="Utf8JsonWriter"/>: no
/// reflection, so it stays trimming- and Native-AOT-safe.
/// </summary>
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                switch (value)
                {
                    case int or long or double:
                        json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                        break;
                    case DateTimeOffset time:
                        json.WriteString(key, time);
                        break;
                    default:
                        json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
