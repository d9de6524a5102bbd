using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookKit.GitHub;

namespace WebhookKit.Tests.Providers.GitHub;

public sealed class GitHubModelTests
{
    [Fact]
    public void Deserialize_PushPayload_ReadsEnvelopeFields()
    {
        // Arrange
        var json = GitHubPayloads.Read("push.json");

        // Act
        var push = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent);

        // Assert
        push.Should().NotBeNull();
        push!.Ref.Should().Be("refs/tags/simple-tag");
        push.Before.Should().Be("6113728f27ae82c7b1a177c8d03f9e96e0adf246");
        push.After.Should().Be("0000000000000000000000000000000000000000");
        push.Created.Should().BeFalse();
        push.Deleted.Should().BeTrue();
        push.Forced.Should().BeFalse();
        push.BaseRef.Should().BeNull();
        push.Compare.Should().Be("https://github.com/Codertocat/Hello-World/compare/6113728f27ae...000000000000");
        push.Commits.Should().BeEmpty();
        push.HeadCommit.Should().BeNull();
        push.Pusher!.Name.Should().Be("Codertocat");
        push.Pusher.Email.Should().Be("21031067+Codertocat@users.noreply.github.com");
        push.Sender!.Login.Should().Be("Codertocat");
        push.Sender.Id.Should().Be(21031067);
    }

    [Fact]
    public void Deserialize_PushPayloadWithUnixRepositoryDates_ReadsRepository()
    {
        // Arrange: push.json carries repository.created_at/pushed_at as Unix seconds, unlike other events.
        var json = GitHubPayloads.Read("push.json");

        // Act
        var push = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPushEvent);

        // Assert
        var repository = push!.Repository;
        repository.Should().NotBeNull();
        repository!.Id.Should().Be(186853002);
        repository.Name.Should().Be("Hello-World");
        repository.FullName.Should().Be("Codertocat/Hello-World");
        repository.Private.Should().BeFalse();
        repository.DefaultBranch.Should().Be("master");
        repository.CloneUrl.Should().Be("https://github.com/Codertocat/Hello-World.git");
        repository.Visibility.Should().Be("public");
        repository.Owner!.Login.Should().Be("Codertocat");
        repository.Owner.Name.Should().Be("Codertocat");
    }

    [Fact]
    public void Deserialize_PushPayloadWithCommits_ReadsCommitDetails()
    {
        // Arrange: the example is a tag deletion without commits, so add one in GitHub's shape.
        var node = JsonNode.Parse(GitHubPayloads.Read("push.json"))!;
        var commit = new JsonObject
        {
            ["id"] = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
            ["tree_id"] = "f9d2a07e9488b91af2641b26b9407fe22a451433",
            ["distinct"] = true,
            ["message"] = "Update README.md",
            ["timestamp"] = "2019-05-15T15:20:30-05:00",
            ["url"] = "https://github.com/Codertocat/Hello-World/commit/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
            ["author"] = new JsonObject { ["name"] = "Codertocat", ["email"] = "c@example.com", ["username"] = "Codertocat" },
            ["committer"] = new JsonObject { ["name"] = "GitHub", ["email"] = "noreply@github.com", ["username"] = "web-flow" },
            ["added"] = new JsonArray(),
            ["removed"] = new JsonArray(),
            ["modified"] = new JsonArray("README.md"),
        };
        node["commits"] = new JsonArray(commit.DeepClone());
        node["head_commit"] = commit;

        // Act
        var push = JsonSerializer.Deserialize(node.ToJsonString(), GitHubJsonContext.Default.GitHubPushEvent);

        // Assert
        push!.Commits.Should().ContainSingle();
        var first = push.Commits![0];
        first.Id.Should().Be("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");
        first.TreeId.Should().Be("f9d2a07e9488b91af2641b26b9407fe22a451433");
        first.Distinct.Should().BeTrue();
        first.Message.Should().Be("Update README.md");
        first.Timestamp.Should().Be(new DateTimeOffset(2019, 5, 15, 15, 20, 30, TimeSpan.FromHours(-5)));
        first.Author!.Username.Should().Be("Codertocat");
        first.Committer!.Username.Should().Be("web-flow");
        first.Modified.Should().Equal("README.md");
        first.Added.Should().BeEmpty();
        push.HeadCommit!.Id.Should().Be(first.Id);
    }

    [Fact]
    public void Deserialize_PullRequestOpenedPayload_ReadsPullRequestBasics()
    {
        // Arrange
        var json = GitHubPayloads.Read("pull_request.opened.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPullRequestEvent);

        // Assert
        evt!.Action.Should().Be("opened");
        evt.Number.Should().Be(2);
        evt.Installation!.Id.Should().Be(1);
        evt.Installation.NodeId.Should().Be("MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==");
        evt.Repository!.FullName.Should().Be("Codertocat/Hello-World");

        var pr = evt.PullRequest!;
        pr.Id.Should().Be(279147437);
        pr.Number.Should().Be(2);
        pr.Title.Should().Be("Update the README with new information.");
        pr.State.Should().Be("open");
        pr.HtmlUrl.Should().Be("https://github.com/Codertocat/Hello-World/pull/2");
        pr.User!.Login.Should().Be("Codertocat");
        pr.Body.Should().Be("This is a pretty simple change that we need to pull into master.");
        pr.Merged.Should().BeFalse();
        pr.Draft.Should().BeFalse();
        pr.MergeCommitSha.Should().BeNull();
        pr.CreatedAt.Should().Be(new DateTimeOffset(2019, 5, 15, 15, 20, 33, TimeSpan.Zero));
        pr.MergedAt.Should().BeNull();
        pr.Labels.Should().ContainSingle().Which.Name.Should().Be("bug");
    }

    [Fact]
    public void Deserialize_PullRequestOpenedPayload_ReadsHeadAndBase()
    {
        // Arrange
        var json = GitHubPayloads.Read("pull_request.opened.json");

        // Act
        var pr = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPullRequestEvent)!.PullRequest!;

        // Assert
        pr.Head!.Ref.Should().Be("changes");
        pr.Head.Sha.Should().Be("ec26c3e57ca3a959ca5aad62de7213c562f8c821");
        pr.Head.Label.Should().Be("Codertocat:changes");
        pr.Head.Repo!.FullName.Should().Be("Codertocat/Hello-World");
        pr.Base!.Ref.Should().Be("master");
        pr.Base.Sha.Should().Be("f95f852bd8fca8fcc58a9a2d6c842781e32a215e");
    }

    [Fact]
    public void Deserialize_IssuesOpenedPayload_ReadsIssue()
    {
        // Arrange
        var json = GitHubPayloads.Read("issues.opened.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubIssuesEvent);

        // Assert
        evt!.Action.Should().Be("opened");
        var issue = evt.Issue!;
        issue.Id.Should().Be(444500041);
        issue.Number.Should().Be(1);
        issue.Title.Should().Be("Spelling error in the README file");
        issue.State.Should().Be("open");
        issue.Body.Should().Be("It looks like you accidently spelled 'commit' with two 't's.");
        issue.User!.Login.Should().Be("Codertocat");
        issue.Labels.Should().ContainSingle().Which.Color.Should().Be("d73a4a");
        issue.Assignees.Should().ContainSingle().Which.Login.Should().Be("Codertocat");
        issue.Comments.Should().Be(0);
        issue.PullRequest.Should().BeNull();
        issue.CreatedAt.Should().Be(new DateTimeOffset(2019, 5, 15, 15, 20, 18, TimeSpan.Zero));
        issue.ClosedAt.Should().BeNull();
        evt.Sender!.Login.Should().Be("Codertocat");
    }

    [Fact]
    public void Deserialize_IssueCommentCreatedPayload_ReadsIssueAndComment()
    {
        // Arrange
        var json = GitHubPayloads.Read("issue_comment.created.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubIssueCommentEvent);

        // Assert
        evt!.Action.Should().Be("created");
        evt.Issue!.Number.Should().Be(1);
        evt.Issue.Title.Should().Be("Spelling error in the README file");
        evt.Comment!.Id.Should().Be(492700400);
        evt.Comment.Body.Should().Be("You are totally right! I'll get this fixed right away.");
        evt.Comment.HtmlUrl.Should().Be("https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400");
        evt.Comment.User!.Login.Should().Be("Codertocat");
        evt.Comment.AuthorAssociation.Should().Be("OWNER");
        evt.Comment.CreatedAt.Should().Be(new DateTimeOffset(2019, 5, 15, 15, 20, 21, TimeSpan.Zero));
    }

    [Fact]
    public void Deserialize_IssueCommentOnPullRequest_ExposesPullRequestLinks()
    {
        // Arrange
        var node = JsonNode.Parse(GitHubPayloads.Read("issue_comment.created.json"))!;
        node["issue"]!["pull_request"] = new JsonObject
        {
            ["url"] = "https://api.github.com/repos/Codertocat/Hello-World/pulls/1",
            ["html_url"] = "https://github.com/Codertocat/Hello-World/pull/1",
        };

        // Act
        var evt = JsonSerializer.Deserialize(node.ToJsonString(), GitHubJsonContext.Default.GitHubIssueCommentEvent);

        // Assert
        evt!.Issue!.PullRequest!.HtmlUrl.Should().Be("https://github.com/Codertocat/Hello-World/pull/1");
    }

    [Fact]
    public void Deserialize_PingPayload_ReadsZenAndHook()
    {
        // Arrange
        var json = GitHubPayloads.Read("ping.json");

        // Act
        var ping = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubPingEvent);

        // Assert
        ping!.Zen.Should().Be("Anything added dilutes everything else.");
        ping.HookId.Should().Be(109948940);
        ping.Hook!.Id.Should().Be(109948940);
        ping.Hook.Type.Should().Be("Repository");
        ping.Hook.Name.Should().Be("web");
        ping.Hook.Active.Should().BeTrue();
        ping.Hook.Events.Should().Equal("*");
        ping.Hook.Config!.ContentType.Should().Be("json");
        ping.Hook.Config.Url.Should().Be("https://smee.io/YEbF2t8kjvPAn7Ck");
        ping.Hook.AppId.Should().BeNull();
        ping.Repository!.FullName.Should().Be("Octocoders/Hello-World");
    }

    [Fact]
    public void Deserialize_ReleasePublishedPayload_ReadsRelease()
    {
        // Arrange
        var json = GitHubPayloads.Read("release.published.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubReleaseEvent);

        // Assert
        evt!.Action.Should().Be("published");
        var release = evt.Release!;
        release.Id.Should().Be(17372790);
        release.TagName.Should().Be("0.0.1");
        release.TargetCommitish.Should().Be("master");
        release.Name.Should().BeEmpty();
        release.Draft.Should().BeFalse();
        release.Prerelease.Should().BeFalse();
        release.HtmlUrl.Should().Be("https://github.com/Codertocat/Hello-World/releases/tag/0.0.1");
        release.Author!.Login.Should().Be("Codertocat");
        release.PublishedAt.Should().Be(new DateTimeOffset(2019, 5, 15, 15, 20, 53, TimeSpan.Zero));
    }

    [Fact]
    public void Deserialize_WorkflowRunCompletedPayload_ReadsWorkflowRun()
    {
        // Arrange
        var json = GitHubPayloads.Read("workflow_run.completed.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubWorkflowRunEvent);

        // Assert
        evt!.Action.Should().Be("completed");
        var run = evt.WorkflowRun!;
        run.Id.Should().Be(289782451);
        run.Name.Should().BeEmpty();
        run.HeadBranch.Should().Be("master");
        run.HeadSha.Should().Be("3484a3fb816e0859fd6e1cea078d76385ff50625");
        run.Status.Should().Be("completed");
        run.Conclusion.Should().Be("success");
        run.RunNumber.Should().Be(163);
        run.RunAttempt.Should().Be(1);
        run.Event.Should().Be("repository_dispatch");
        run.WorkflowId.Should().Be(2823525);
        run.HtmlUrl.Should().Be("https://github.com/octo-org/octo-repo/actions/runs/289782451");
        run.DisplayTitle.Should().Be("ci(action): update actions/setup-node digest to 8c91899");
        run.Actor!.Login.Should().Be("Codertocat");
        run.HeadCommit!.Message.Should().Be("build(test): check workflow run event payload");
        run.HeadCommit.Author!.Name.Should().Be("Matthias Fax");
        evt.Workflow!.Path.Should().Be(".github/workflows/test.yml");
        evt.Organization!.Login.Should().Be("octo-org");
        evt.Organization.Id.Should().Be(41548062);
    }

    [Theory]
    [InlineData("push.json", null, "Codertocat/Hello-World")]
    [InlineData("pull_request.opened.json", "opened", "Codertocat/Hello-World")]
    [InlineData("issues.opened.json", "opened", "Codertocat/Hello-World")]
    [InlineData("issue_comment.created.json", "created", "Codertocat/Hello-World")]
    [InlineData("ping.json", null, "Octocoders/Hello-World")]
    [InlineData("release.published.json", "published", "Codertocat/Hello-World")]
    [InlineData("workflow_run.completed.json", "completed", "octo-org/octo-repo")]
    public void Deserialize_AnyPayloadAsCatchAllEvent_ReadsCommonFields(string fileName, string? action, string repository)
    {
        // Arrange
        var json = GitHubPayloads.Read(fileName);

        // Act
        var evt = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.GitHubEvent);

        // Assert
        evt.Should().NotBeNull();
        evt!.Action.Should().Be(action);
        evt.Repository!.FullName.Should().Be(repository);
        evt.Sender!.Login.Should().Be("Codertocat");
    }

    [Fact]
    public void Deserialize_UnknownFieldsAndValues_AreTolerated()
    {
        // Arrange
        var node = JsonNode.Parse(GitHubPayloads.Read("pull_request.opened.json"))!;
        node["action"] = "some_future_action";
        node["brand_new_field"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
        node["pull_request"]!["state"] = "some_future_state";
        node["pull_request"]!["another_new_field"] = 42;
        node["repository"]!["visibility"] = "some_future_visibility";

        // Act
        var evt = JsonSerializer.Deserialize(node.ToJsonString(), GitHubJsonContext.Default.GitHubPullRequestEvent);

        // Assert
        evt!.Action.Should().Be("some_future_action");
        evt.PullRequest!.State.Should().Be("some_future_state");
        evt.PullRequest.Number.Should().Be(2);
        evt.Repository!.Visibility.Should().Be("some_future_visibility");
    }

    [Fact]
    public void Deserialize_NumberSentAsString_IsRejected()
    {
        // Arrange
        var node = JsonNode.Parse(GitHubPayloads.Read("ping.json"))!;
        node["hook_id"] = "109948940";

        // Act
        var act = () => JsonSerializer.Deserialize(node.ToJsonString(), GitHubJsonContext.Default.GitHubPingEvent);

        // Assert
        act.Should().Throw<JsonException>();
    }
}
