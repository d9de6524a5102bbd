using System.Text.Json.Serialization;

namespace WebhookKit.Tests.Providers.Slack;

/// <summary>A user's own model of one Slack event, read with <c>SlackEvent.Deserialize</c>.</summary>
public sealed class UserChange
{
    public SlackChangedUser? User { get; init; }
}

/// <summary>The user of <see cref="UserChange"/>.</summary>
public sealed class SlackChangedUser
{
    public string? Id { get; init; }

    public string? RealName { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UserChange))]
internal sealed partial class SlackTestJsonContext : JsonSerializerContext;
