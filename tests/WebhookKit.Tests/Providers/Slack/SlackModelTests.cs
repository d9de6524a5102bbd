using System.Text.Json;
using WebhookKit.Slack;

namespace WebhookKit.Tests.Providers.Slack;

public sealed class SlackModelTests
{
    private static byte[] ReadPayload(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "slack", fileName));

    [Fact]
    public void Deserialize_AppMentionEnvelope_ReadsEnvelopeAndInnerEvent()
    {
        var envelope = JsonSerializer.Deserialize(ReadPayload("event_callback.app_mention.json"), SlackJsonContext.Default.SlackEventEnvelope)!;

        envelope.Type.Should().Be("event_callback");
        envelope.TeamId.Should().Be("T123ABC456");
        envelope.ApiAppId.Should().Be("A123ABC456");
        envelope.EventId.Should().Be("Ev123ABC456");
        envelope.EventTime.Should().Be(1515449522);
        envelope.IsExtSharedChannel.Should().BeFalse();
        var inner = envelope.Event!;
        inner.Type.Should().Be("app_mention");
        inner.User.Should().Be("U123ABC456");
        inner.Channel.Should().Be("C123ABC456");
        inner.Text.Should().StartWith("What is the hour of the pearl");
        inner.Ts.Should().Be("1515449522.000016");
        inner.EventTs.Should().Be("1515449522000016");
        inner.ThreadTs.Should().BeNull();
        inner.Json.GetProperty("blocks").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public void Deserialize_EventWhoseUserIsAnObject_ReadsTheUserId()
    {
        var envelope = JsonSerializer.Deserialize(ReadPayload("event_callback.user_change.json"), SlackJsonContext.Default.SlackEventEnvelope)!;

        envelope.Event!.Type.Should().Be("user_change");
        envelope.Event.User.Should().Be("U1234567");
        envelope.Event.Text.Should().BeNull();
        envelope.Event.Deserialize(SlackTestJsonContext.Default.UserChange)!.User!.RealName.Should().Be("Some User");
    }

    [Fact]
    public void Deserialize_BlockActions_ReadsInteraction()
    {
        var interaction = JsonSerializer.Deserialize(ReadPayload("block_actions.json"), SlackJsonContext.Default.SlackInteraction)!;

        interaction.Type.Should().Be("block_actions");
        interaction.TriggerId.Should().Be("12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3");
        interaction.ResponseUrl.Should().StartWith("https://hooks.slack.com/actions/");
        interaction.Team!.Id.Should().Be("T9TK3CUKW");
        interaction.User!.Username.Should().Be("jtorrance");
        interaction.Actions[0].GetProperty("action_id").GetString().Should().Be("WaXA");
        interaction.View.ValueKind.Should().Be(JsonValueKind.Undefined);
        interaction.Message.GetProperty("ts").GetString().Should().Be("1548261231.000200");
    }

    [Fact]
    public void Deserialize_SlashCommandFields_ReadsCommand()
    {
        var command = JsonSerializer.Deserialize(
            """{"token":"x","team_id":"T1","command":"/deploy","text":"api prod","channel_id":"C1","user_id":"U1","response_url":"https://hooks.slack.com/commands/1","trigger_id":"13345224609.738474920.8088930838d88f008e0","is_enterprise_install":"false"}""",
            SlackJsonContext.Default.SlackSlashCommand)!;

        command.Command.Should().Be("/deploy");
        command.Text.Should().Be("api prod");
        command.TeamId.Should().Be("T1");
        command.TriggerId.Should().Be("13345224609.738474920.8088930838d88f008e0");
    }

    [Fact]
    public void Serialize_InteractionWithoutView_LeavesViewOut()
    {
        // Arrange: a block_actions interaction from a message has no "view".
        var interaction = JsonSerializer.Deserialize(ReadPayload("block_actions.json"), SlackJsonContext.Default.SlackInteraction)!;

        // Act
        var json = JsonSerializer.Serialize(interaction, SlackJsonContext.Default.SlackInteraction);

        // Assert
        interaction.View.ValueKind.Should().Be(JsonValueKind.Undefined);
        json.Should().NotContain("\"view\"").And.Contain("\"actions\":[");
    }
}
