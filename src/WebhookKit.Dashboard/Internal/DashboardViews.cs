using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Dashboard.Internal;

/// <summary>What the page needs to know about itself.</summary>
internal sealed record DashboardInfo(string Title, bool ReadOnly, bool Journal, string AntiforgeryHeader);

/// <summary>The antiforgery request token for the page's POSTs (its cookie half is set on the response).</summary>
internal sealed record AntiforgeryToken(string HeaderName, string Token);

/// <summary>A dead letter as the page and the JSON API show it: never the body, never a header value.</summary>
internal sealed record DeadLetterView(
    string DeliveryId,
    string ReceiverName,
    string Provider,
    string EventType,
    string EventId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset FailedAt,
    int Attempts,
    string Reason,
    int BodyBytes,
    string? LastError);

/// <summary>The answer to a replay or delete.</summary>
internal sealed record DeadLetterActionResult(string DeliveryId, string Result, int Count = 1);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DashboardInfo))]
[JsonSerializable(typeof(AntiforgeryToken))]
[JsonSerializable(typeof(IReadOnlyList<DeadLetterView>))]
[JsonSerializable(typeof(DeadLetterView))]
[JsonSerializable(typeof(DeadLetterActionResult))]
[JsonSerializable(typeof(Overview))]
[JsonSerializable(typeof(IReadOnlyList<DeliveryRow>))]
[JsonSerializable(typeof(DeliveryRow))]
[JsonSerializable(typeof(DeliveryDetail))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
