using System.Text.Json;
using WebhookKit.Slack;

namespace WebhookKit.Tests.Corpus;

/// <summary>
/// Slack Events API and interactivity payloads, read by the catch-all <see cref="SlackEventEnvelope"/> and, for
/// interactions, by <see cref="SlackInteraction"/>.
/// </summary>
public sealed class SlackCorpusTests
{
    public static TheoryData<string> Payloads => CorpusFiles.Of("slack");

    public static TheoryData<string> InteractionPayloads => CorpusFiles.Of("slack", static path => path.StartsWith("block_actions", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Deserialize_AnyPayloadAsCatchAll_ReadsEnvelope(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("slack", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act
        var envelope = ModelReader.Read(json, SlackJsonContext.Default.SlackEventEnvelope);

        // Assert
        envelope.Type.Should().Be(Json.String(root, "type"));
        envelope.TeamId.Should().Be(Json.String(root, "team_id"));
        envelope.ApiAppId.Should().Be(Json.String(root, "api_app_id"));
        envelope.EventId.Should().Be(Json.String(root, "event_id"));
        envelope.EventTime.Should().Be(Json.Int64(root, "event_time") ?? 0);
        (envelope.Event?.Type).Should().Be(Json.String(root, "event", "type"));
    }

    [Theory]
    [MemberData(nameof(InteractionPayloads))]
    public void Deserialize_Interaction_ReadsInteraction(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("slack", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act
        var interaction = ModelReader.Read(json, SlackJsonContext.Default.SlackInteraction);

        // Assert
        interaction.Type.Should().Be(Json.String(root, "type"));
        interaction.TriggerId.Should().Be(Json.String(root, "trigger_id"));
        (interaction.Team?.Id).Should().Be(Json.String(root, "team", "id"));
        (interaction.User?.Id).Should().Be(Json.String(root, "user", "id"));
    }
}
