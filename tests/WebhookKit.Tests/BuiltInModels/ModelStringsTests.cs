using System.Text;
using System.Text.Json;
using WebhookKit.GitHub;
using WebhookKit.Internal.Json;

namespace WebhookKit.Tests.BuiltInModels;

public sealed class ModelStringsTests
{
    [Fact]
    public void Read_ValueRepeatedInTheDocument_IsOneString()
    {
        // Arrange: the same author in two commits, once with an escaped name, and the head commit repeating the message.
        var json = """
            {"commits":[{"message":"fix\nit","author":{"name":"Codertocat","email":"a@example.com"}},
                        {"message":"other","author":{"name":"Code\u0072tocat","email":"a@example.com"}}],
             "head_commit":{"message":"fix\nit"}}
            """u8.ToArray();

        // Act
        var push = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;

        // Assert
        var first = push.Commits![0].Author!;
        var second = push.Commits[1].Author!;
        second.Name.Should().Be("Codertocat").And.BeSameAs(first.Name);
        second.Email.Should().BeSameAs(first.Email);
        push.HeadCommit!.Message.Should().Be("fix\nit").And.BeSameAs(push.Commits[0].Message);
    }

    [Fact]
    public void Read_ValuesWithTheSameHashPlaces_KeepTheirOwnText()
    {
        // Arrange: same length, same first, middle and last eight bytes (what the hash reads), different in between;
        // and values that are not ASCII, which are never shared.
        var values = Enumerable.Range(0, 40).Select(static i => $"0123456789abcdef-{i:D2}-0123456789abcdef-0123456789abcdef").ToList();
        values.AddRange(["café", "café", "naïve façade", "日本語"]);
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { commits = values.Select(static message => new { message }) }));

        // Act
        var push = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;

        // Assert
        push.Commits!.Select(static commit => commit.Message).Should().Equal(values);
    }

    [Fact]
    public void Read_TwoDocuments_ShareNothing()
    {
        // Arrange: commit ids, which never recur from one delivery to the next (unlike a repository's name).
        var json = """{"before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246","after":"6113728f27ae82c7b1a177c8d03f9e96e0adf246"}"""u8.ToArray();

        // Act
        var first = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;
        var second = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;

        // Assert: shared within a document, not across documents (the table is emptied after each).
        first.After.Should().BeSameAs(first.Before);
        second.Before.Should().Be(first.Before).And.NotBeSameAs(first.Before);
    }

    [Fact]
    public void Get_OutsideAModel_MakesAStringEachTime()
    {
        // Arrange
        var reader = new Utf8JsonReader("\"x\""u8);
        reader.Read();

        // Act
        var first = ModelStrings.Get(ref reader);
        var second = ModelStrings.Get(ref reader);

        // Assert
        first.Should().Be("x");
        second.Should().Be("x");
    }
}
