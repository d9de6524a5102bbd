using System.Text;
using System.Text.Json;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Internal.Json;

namespace WebhookKit.Tests.BuiltInModels;

[Collection(SharedStringTableTests.Name)]
public sealed class RecurringModelStringsTests
{
    [Fact]
    public void Read_TwoDeliveriesOfOneRepository_ShareItsStringsButNotTheirCommits()
    {
        // Arrange: the same push twice, as a receiver for one repository gets its pushes.
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "github", "push.json"));

        // Act
        var first = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;
        var second = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;

        // Assert: what recurs is one string across deliveries; a commit's own text is made for each delivery.
        second.Repository!.FullName.Should().NotBeNull().And.BeSameAs(first.Repository!.FullName);
        second.Repository.CloneUrl.Should().BeSameAs(first.Repository.CloneUrl);
        second.Repository.Owner!.AvatarUrl.Should().BeSameAs(first.Repository.Owner!.AvatarUrl);
        second.Sender!.Login.Should().BeSameAs(first.Sender!.Login);
        second.Pusher!.Name.Should().BeSameAs(first.Pusher!.Name);
        second.Ref.Should().BeSameAs(first.Ref);
    }

    [Fact]
    public void Read_TwoDeliveriesOfOneCommit_MakeItsTextForEach()
    {
        // Arrange: a commit's id, message and URL never recur in real traffic, so they are not kept across deliveries.
        var json = """{"head_commit":{"id":"6113728f27ae82c7b1a177c8d03f9e96e0adf246","message":"Fix","url":"https://github.com/o/r/commit/6113728f","author":{"name":"Mona"}}}"""u8.ToArray();

        // Act
        var first = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!.HeadCommit!;
        var second = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!.HeadCommit!;

        // Assert
        second.Id.Should().Be(first.Id).And.NotBeSameAs(first.Id);
        second.Message.Should().Be("Fix").And.NotBeSameAs(first.Message);
        second.Url.Should().NotBeSameAs(first.Url);
        second.Author!.Name.Should().Be("Mona").And.BeSameAs(first.Author!.Name);
    }

    [Fact]
    public void Read_ValuesOfASmallSet_AreSharedAcrossDeliveries()
    {
        // Arrange: two deliveries of GitHub's issues example and of GitLab's merge request example.
        var issues = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "github", "issues.opened.json"));
        var mergeRequest = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "gitlab", "merge-request-event.json"));

        // Act
        var firstIssues = JsonSerializer.Deserialize(issues, GitHubJsonContext.Default.GitHubIssuesEvent)!;
        var secondIssues = JsonSerializer.Deserialize(issues, GitHubJsonContext.Default.GitHubIssuesEvent)!;
        var firstMergeRequest = JsonSerializer.Deserialize(mergeRequest, GitLabJsonContext.Default.GitLabMergeRequestEvent)!;
        var secondMergeRequest = JsonSerializer.Deserialize(mergeRequest, GitLabJsonContext.Default.GitLabMergeRequestEvent)!;

        // Assert: an action, a state, a branch are one string; a title is made for each delivery.
        secondIssues.Action.Should().Be("opened").And.BeSameAs(firstIssues.Action);
        secondIssues.Issue!.State.Should().NotBeNull().And.BeSameAs(firstIssues.Issue!.State);
        secondIssues.Issue.Title.Should().NotBeNull().And.NotBeSameAs(firstIssues.Issue.Title);
        secondMergeRequest.ObjectAttributes!.TargetBranch.Should().NotBeNull().And.BeSameAs(firstMergeRequest.ObjectAttributes!.TargetBranch);
        secondMergeRequest.ObjectAttributes.State.Should().BeSameAs(firstMergeRequest.ObjectAttributes.State);
    }

    [Fact]
    public void Read_MoreRepositoriesThanSlots_EachKeepsItsOwnText()
    {
        // Arrange: more distinct names than the table has slots, so slots are taken over, then the first names again.
        var names = Enumerable.Range(0, RecurringModelStrings.Size * 3).Select(static i => $"octo-org/repository-{i:D5}").ToList();
        names.AddRange(names.Take(100));

        // Act
        var read = names.Select(static name => ReadPush(name).Repository!.FullName).ToList();

        // Assert
        read.Should().Equal(names);
    }

    [Theory]
    [InlineData("""café/dépôt""", "café/dépôt")]
    [InlineData("""caf\u00e9/d\u00e9p\u00f4t""", "café/dépôt")]
    public void Read_NonAsciiValues_AreTheirOwnTextAndNotKept(string jsonText, string expected)
    {
        // Arrange
        var json = Encoding.UTF8.GetBytes($$$"""{"repository":{"full_name":"{{{jsonText}}}"}}""");

        // Act
        var first = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;
        var second = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;

        // Assert
        first.Repository!.FullName.Should().Be(expected);
        second.Repository!.FullName.Should().Be(expected).And.NotBeSameAs(first.Repository.FullName);
    }

    [Theory]
    [InlineData("""Code\u0072tocat/Hello-escaped""")]
    [InlineData("""Codertocat\/Hello-escaped""")]
    public void Read_EscapedValue_IsTheStringOfItsUnescapedText(string jsonText)
    {
        // Arrange
        var plain = ReadPush("Codertocat/Hello-escaped").Repository!.FullName;
        var json = Encoding.UTF8.GetBytes($$$"""{"repository":{"full_name":"{{{jsonText}}}"}}""");

        // Act
        var escaped = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;

        // Assert
        escaped.Repository!.FullName.Should().Be("Codertocat/Hello-escaped").And.BeSameAs(plain);
    }

    [Fact]
    public void Read_LongerThanKept_IsMadeEachTime()
    {
        // Arrange
        var description = new string('d', RecurringModelStrings.MaxLength + 1);
        var json = Encoding.UTF8.GetBytes($$$"""{"repository":{"description":"{{{description}}}"}}""");

        // Act
        var first = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;
        var second = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent)!;

        // Assert
        second.Repository!.Description.Should().Be(description).And.NotBeSameAs(first.Repository!.Description);
    }

    [Fact]
    public async Task Read_OnManyThreadsWithValuesThatShareSlots_NeverGivesAnotherValue()
    {
        // Arrange: eight threads each reading 16 names of its own, all 128 with the same length and the same bytes where
        // the hash reads (the first, middle and last eight), so that every one of them wants the same slot.
        var threads = Enumerable.Range(0, 8).Select(static thread => Task.Run(() =>
        {
            var wrong = 0;
            for (var i = 0; i < 20_000; i++)
            {
                var name = $"0123456789{thread}{i % 16:D2}-" + new string('y', 42);
                wrong += ReadPush(name).Repository!.FullName == name ? 0 : 1;
            }

            return wrong;
        }));

        // Act
        var wrong = await Task.WhenAll(threads);

        // Assert
        wrong.Should().AllSatisfy(static count => count.Should().Be(0));
    }

    [Fact]
    public void Read_GitLabProjectOfTwoDeliveries_IsSharedToo()
    {
        // Arrange
        var json = """{"object_kind":"push","ref":"refs/heads/main","project":{"path_with_namespace":"group/project","web_url":"https://gitlab.example.com/group/project"}}"""u8.ToArray();

        // Act
        var first = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabPushEvent)!;
        var second = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabPushEvent)!;

        // Assert
        second.Project!.WebUrl.Should().Be("https://gitlab.example.com/group/project").And.BeSameAs(first.Project!.WebUrl);
        second.Ref.Should().BeSameAs(first.Ref);
    }

    private static GitHubPushEvent ReadPush(string fullName) =>
        JsonSerializer.Deserialize(Encoding.UTF8.GetBytes($$$"""{"repository":{"full_name":"{{{fullName}}}"}}"""), GitHubJsonContext.Default.GitHubPushEvent)!;
}
