using System.Text.Json;
using WebhookKit.Bitbucket;

namespace WebhookKit.Tests.Providers.Bitbucket;

/// <summary>The Bitbucket models over Bitbucket's documented examples as go-playground/webhooks keeps them (Payloads/README.md).</summary>
public sealed class BitbucketModelTests
{
    private static byte[] ReadPayload(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "bitbucket", fileName));

    [Fact]
    public void Deserialize_RepoPush_ReadsTheChangedBranchAndItsCommits()
    {
        var push = JsonSerializer.Deserialize(ReadPayload("repo-push.json"), BitbucketJsonContext.Default.BitbucketPushEvent)!;

        push.Actor!.Should().BeEquivalentTo(new { DisplayName = "Emma", Uuid = "{a54f16da-24e9-4d7f-a3a7-b1ba2cd98aa3}", Username = "emmap1" });
        push.Repository!.Should().BeEquivalentTo(new { FullName = "team_name/repo_name", Name = "repo_name", Scm = "git", IsPrivate = true });
        var change = push.Push!.Changes.Should().ContainSingle().Subject;
        change.New!.Should().BeEquivalentTo(new { Type = "branch", Name = "name-of-branch" });
        change.New.Target!.Hash.Should().Be("709d658dc5b6d6afcd46049c2f332ee3f515a67d");
        change.New.Target.Date.Should().Be(new DateTimeOffset(2015, 6, 9, 3, 34, 49, TimeSpan.Zero));
        change.Old!.Target!.Message.Should().Be("old commit message\n");
        (change.Created, change.Closed, change.Forced, change.Truncated).Should().Be((false, false, false, false));
        change.Commits.Should().ContainSingle().Which.Hash.Should().Be("03f4a7270240708834de475bcf21532d6134777e");
    }

    [Fact]
    public void Deserialize_PullRequestCreated_ReadsThePullRequest()
    {
        var webhook = JsonSerializer.Deserialize(ReadPayload("pull-request-created.json"), BitbucketJsonContext.Default.BitbucketPullRequestEvent)!;

        var pullRequest = webhook.PullRequest!;
        pullRequest.Should().BeEquivalentTo(new { Id = 1L, Title = "Title of pull request", Description = "Description of pull request", CloseSourceBranch = true });
        pullRequest.Source!.Branch!.Name.Should().Be("branch2");
        pullRequest.Source.Commit!.Hash.Should().Be("d3022fc0ca3d");
        pullRequest.Destination!.Branch!.Name.Should().Be("master");
        pullRequest.Destination.Repository!.FullName.Should().Be("team_name/repo_name");
        pullRequest.MergeCommit!.Hash.Should().Be("764413d85e29");
        pullRequest.Author!.DisplayName.Should().Be("Emma");
        pullRequest.CreatedOn.Should().Be(new DateTimeOffset(2015, 4, 6, 15, 23, 38, 179, TimeSpan.Zero).AddTicks(6780));
    }

    [Theory]
    [InlineData("repo-push.json")]
    [InlineData("pull-request-created.json")]
    public void Deserialize_AnyEventAsCatchAll_ReadsActorAndRepository(string fileName)
    {
        var webhook = JsonSerializer.Deserialize(ReadPayload(fileName), BitbucketJsonContext.Default.BitbucketEvent)!;

        webhook.Actor!.DisplayName.Should().Be("Emma");
        webhook.Repository!.FullName.Should().Be("team_name/repo_name");
    }
}
