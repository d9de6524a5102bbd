using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookKit.GitLab;

namespace WebhookKit.Tests.Providers.GitLab;

public sealed class GitLabModelTests
{
    private static string ReadPayload(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "gitlab", fileName));

    [Fact]
    public void Deserialize_PushPayload_ReadsPushFields()
    {
        // Arrange
        var json = ReadPayload("push-event.json");

        // Act
        var push = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabPushEvent);

        // Assert
        push.Should().NotBeNull();
        push!.ObjectKind.Should().Be("push");
        push.Before.Should().Be("95790bf891e76fee5e1747ab589903a6a1f80f22");
        push.After.Should().Be("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
        push.Ref.Should().Be("refs/heads/master");
        push.CheckoutSha.Should().Be("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
        push.UserId.Should().Be(4);
        push.UserName.Should().Be("John Smith");
        push.UserEmail.Should().Be("john@example.com");
        push.UserUsername.Should().BeNull();
        push.ProjectId.Should().Be(15);
        push.Project!.Name.Should().Be("Diaspora");
        push.Project.PathWithNamespace.Should().Be("mike/diaspora");
        push.Project.WebUrl.Should().Be("http://example.com/mike/diaspora");
        push.Project.DefaultBranch.Should().Be("master");
        push.Project.VisibilityLevel.Should().Be(0);
        push.TotalCommitsCount.Should().Be(4);
    }

    [Fact]
    public void Deserialize_PushPayload_ReadsCommits()
    {
        // Arrange
        var json = ReadPayload("push-event.json");

        // Act
        var commits = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabPushEvent)!.Commits;

        // Assert
        commits.Should().HaveCount(2);
        var first = commits![0];
        first.Id.Should().Be("b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327");
        first.Message.Should().Be("Update Catalan translation to e38cb41.");
        first.Timestamp.Should().Be("2011-12-12T14:27:31+02:00");
        first.Url.Should().Be("http://example.com/mike/diaspora/commit/b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327");
        first.Author!.Name.Should().Be("Jordi Mallach");
        first.Author.Email.Should().Be("jordi@softcatala.org");
        first.Added.Should().Equal("CHANGELOG");
        first.Modified.Should().Equal("app/controller/application.rb");
        first.Removed.Should().BeEmpty();
        commits[1].Message.Should().Be("fixed readme");
    }

    [Fact]
    public void Deserialize_TagPushPayload_ReadsTagPushFields()
    {
        // Arrange
        var json = ReadPayload("tag-event.json");

        // Act
        var tag = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabTagPushEvent);

        // Assert
        tag!.ObjectKind.Should().Be("tag_push");
        tag.Ref.Should().Be("refs/tags/v1.0.0");
        tag.Before.Should().Be("0000000000000000000000000000000000000000");
        tag.After.Should().Be("82b3d5ae55f7080f1e6022629cdb57bfae7cccc7");
        tag.CheckoutSha.Should().Be("82b3d5ae55f7080f1e6022629cdb57bfae7cccc7");
        tag.UserId.Should().Be(1);
        tag.UserName.Should().Be("John Smith");
        tag.ProjectId.Should().Be(1);
        tag.Project!.PathWithNamespace.Should().Be("jsmith/example");
        tag.Commits.Should().BeEmpty();
        tag.TotalCommitsCount.Should().Be(0);
    }

    [Fact]
    public void Deserialize_MergeRequestPayload_ReadsMergeRequest()
    {
        // Arrange
        var json = ReadPayload("merge-request-event.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabMergeRequestEvent);

        // Assert
        evt!.ObjectKind.Should().Be("merge_request");
        evt.EventType.Should().Be("merge_request");
        evt.User!.Id.Should().Be(1);
        evt.User.Username.Should().Be("root");
        evt.User.Email.Should().Be("admin@example.com");
        evt.Project!.Id.Should().Be(1);
        evt.Project.PathWithNamespace.Should().Be("gitlabhq/gitlab-test");

        var mr = evt.ObjectAttributes!;
        mr.Id.Should().Be(99);
        mr.Iid.Should().Be(1);
        mr.Title.Should().Be("MS-Viewport");
        mr.State.Should().Be("opened");
        mr.Action.Should().Be("open");
        mr.SourceBranch.Should().Be("ms-viewport");
        mr.TargetBranch.Should().Be("master");
        mr.SourceProjectId.Should().Be(14);
        mr.TargetProjectId.Should().Be(14);
        mr.AuthorId.Should().Be(51);
        mr.Url.Should().Be("http://example.com/diaspora/merge_requests/1");
        mr.MergeStatus.Should().Be("unchecked");
        mr.DetailedMergeStatus.Should().Be("mergeable");
        mr.Draft.Should().BeFalse();
        mr.CreatedAt.Should().Be("2013-12-03T17:23:34Z");
        mr.LastCommit!.Id.Should().Be("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
        mr.LastCommit.Title.Should().Be("Update file README.md");
    }

    [Fact]
    public void Deserialize_MergeRequestPayload_ReadsLabelsPeopleAndChanges()
    {
        // Arrange
        var json = ReadPayload("merge-request-event.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabMergeRequestEvent)!;

        // Assert
        evt.Labels.Should().ContainSingle();
        evt.Labels![0].Id.Should().Be(206);
        evt.Labels[0].Title.Should().Be("API");
        evt.Labels[0].Color.Should().Be("#ffffff");
        evt.Labels[0].Type.Should().Be("ProjectLabel");
        evt.Assignees.Should().ContainSingle().Which.Username.Should().Be("user1");
        evt.Reviewers.Should().ContainSingle().Which.Id.Should().Be(6);
        evt.Changes.Should().NotBeNull();
        evt.Changes!.Value.GetProperty("updated_at").GetProperty("current").GetString()
            .Should().Be("2017-09-15 16:52:00 UTC");
    }

    [Fact]
    public void Deserialize_PipelinePayload_ReadsPipeline()
    {
        // Arrange
        var json = ReadPayload("pipeline-event.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabPipelineEvent);

        // Assert
        evt!.ObjectKind.Should().Be("pipeline");
        var pipeline = evt.ObjectAttributes!;
        pipeline.Id.Should().Be(31);
        pipeline.Iid.Should().Be(3);
        pipeline.Name.Should().Be("pipeline_name");
        pipeline.Ref.Should().Be("master");
        pipeline.Tag.Should().BeFalse();
        pipeline.Sha.Should().Be("bcbb5ec396a2c0f828686f14fac9b80b780504f2");
        pipeline.BeforeSha.Should().Be("bcbb5ec396a2c0f828686f14fac9b80b780504f2");
        pipeline.Source.Should().Be("merge_request_event");
        pipeline.Status.Should().Be("success");
        pipeline.Stages.Should().Equal("build", "test", "deploy");
        pipeline.CreatedAt.Should().Be("2016-08-12 15:23:28 UTC");
        pipeline.FinishedAt.Should().Be("2016-08-12 15:26:29 UTC");
        pipeline.Duration.Should().Be(63);
        pipeline.Url.Should().Be("http://192.168.64.1:3005/gitlab-org/gitlab-test/-/pipelines/31");

        evt.MergeRequest!.Iid.Should().Be(1);
        evt.MergeRequest.MergeStatus.Should().Be("can_be_merged");
        evt.MergeRequest.Action.Should().BeNull();
        evt.User!.Email.Should().Be("user_email@gitlab.com");
        evt.Project!.Id.Should().Be(1);
        evt.Commit!.Message.Should().Be("test\n");
        evt.Commit.Author!.Email.Should().Be("user@gitlab.com");
    }

    [Fact]
    public void Deserialize_PipelinePayload_ReadsBuilds()
    {
        // Arrange
        var json = ReadPayload("pipeline-event.json");

        // Act
        var builds = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabPipelineEvent)!.Builds;

        // Assert
        builds.Should().HaveCount(5);
        var first = builds![0];
        first.Id.Should().Be(380);
        first.Stage.Should().Be("deploy");
        first.Name.Should().Be("production");
        first.Status.Should().Be("skipped");
        first.When.Should().Be("manual");
        first.Manual.Should().BeTrue();
        first.AllowFailure.Should().BeFalse();
        first.StartedAt.Should().BeNull();
        first.User!.Username.Should().Be("root");
        builds[2].FinishedAt.Should().Be("2016-08-12 15:26:29 UTC");
    }

    [Fact]
    public void Deserialize_PipelinePayloadWithoutBuilds_LeavesBuildsNull()
    {
        // Arrange
        var node = JsonNode.Parse(ReadPayload("pipeline-event.json"))!;
        node.AsObject().Remove("builds");
        node["object_attributes"]!["duration"] = null;

        // Act
        var evt = JsonSerializer.Deserialize(node.ToJsonString(), GitLabJsonContext.Default.GitLabPipelineEvent);

        // Assert
        evt!.Builds.Should().BeNull();
        evt.ObjectAttributes!.Duration.Should().BeNull();
    }

    [Fact]
    public void Deserialize_NotePayload_ReadsNoteAndMergeRequest()
    {
        // Arrange
        var json = ReadPayload("comment-merge-request-event.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabNoteEvent);

        // Assert
        evt!.ObjectKind.Should().Be("note");
        evt.User!.Username.Should().Be("root");
        evt.ProjectId.Should().Be(5);
        evt.Project!.PathWithNamespace.Should().Be("gitlab-org/gitlab-test");
        evt.Project.VisibilityLevel.Should().Be(10);

        var note = evt.ObjectAttributes!;
        note.Id.Should().Be(1244);
        note.Note.Should().Be("This MR needs work.");
        note.NoteableType.Should().Be("MergeRequest");
        note.NoteableId.Should().Be(7);
        note.AuthorId.Should().Be(1);
        note.CommitId.Should().BeEmpty();
        note.System.Should().BeFalse();
        note.CreatedAt.Should().Be("2015-05-17 18:21:36 UTC");
        note.Url.Should().Be("http://example.com/gitlab-org/gitlab-test/merge_requests/1#note_1244");

        evt.MergeRequest!.Id.Should().Be(7);
        evt.MergeRequest.Iid.Should().Be(1);
        evt.MergeRequest.SourceBranch.Should().Be("master");
        evt.MergeRequest.TargetBranch.Should().Be("markdown");
        evt.MergeRequest.MergeStatus.Should().Be("cannot_be_merged");
        evt.MergeRequest.CreatedAt.Should().Be("2015-03-01 20:12:53 UTC");
        evt.MergeRequest.LastCommit!.Author!.Name.Should().Be("John Smith");
        evt.Issue.Should().BeNull();
        evt.Commit.Should().BeNull();
    }

    [Fact]
    public void Deserialize_IssuePayload_ReadsIssue()
    {
        // Arrange
        var json = ReadPayload("issue-event.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabIssueEvent);

        // Assert
        evt!.ObjectKind.Should().Be("issue");
        evt.User!.Name.Should().Be("Administrator");
        evt.User.Username.Should().Be("root");
        evt.Project!.Name.Should().Be("Gitlab Test");
        evt.Project.VisibilityLevel.Should().Be(20);

        var issue = evt.ObjectAttributes!;
        issue.Id.Should().Be(301);
        issue.Iid.Should().Be(23);
        issue.Title.Should().Be("New API: create/update/delete file");
        issue.Description.Should().Be("Create new API for manipulations with repository");
        issue.State.Should().Be("opened");
        issue.Action.Should().Be("open");
        issue.Url.Should().Be("http://example.com/diaspora/issues/23");
        issue.AuthorId.Should().Be(51);
        issue.CreatedAt.Should().Be("2013-12-03T17:15:43Z");
        evt.Assignees.Should().ContainSingle().Which.Username.Should().Be("user1");
        evt.Labels.Should().BeNull();
        evt.Changes.Should().BeNull();
    }

    [Theory]
    [InlineData("push-event.json", "push", "Diaspora")]
    [InlineData("tag-event.json", "tag_push", "Example")]
    [InlineData("merge-request-event.json", "merge_request", "Gitlab Test")]
    [InlineData("pipeline-event.json", "pipeline", "Gitlab Test")]
    [InlineData("comment-merge-request-event.json", "note", "Gitlab Test")]
    [InlineData("issue-event.json", "issue", "Gitlab Test")]
    public void Deserialize_AnyPayloadAsCatchAllEvent_ReadsCommonFields(string fileName, string objectKind, string projectName)
    {
        // Arrange
        var json = ReadPayload(fileName);

        // Act
        var evt = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabEvent);

        // Assert
        evt.Should().NotBeNull();
        evt!.ObjectKind.Should().Be(objectKind);
        evt.Project!.Name.Should().Be(projectName);
    }

    [Fact]
    public void Deserialize_CatchAllEventWithUser_ReadsUserAndEventType()
    {
        // Arrange
        var json = ReadPayload("merge-request-event.json");

        // Act
        var evt = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabEvent);

        // Assert
        evt!.EventType.Should().Be("merge_request");
        evt.User!.Username.Should().Be("root");
    }

    [Fact]
    public void Deserialize_UnknownFieldsAndValues_AreTolerated()
    {
        // Arrange
        var node = JsonNode.Parse(ReadPayload("merge-request-event.json"))!;
        node["brand_new_field"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
        node["object_attributes"]!["action"] = "some_future_action";
        node["object_attributes"]!["state"] = "some_future_state";
        node["object_attributes"]!["merge_status"] = "some_future_status";
        node["object_attributes"]!["another_new_field"] = 42;

        // Act
        var evt = JsonSerializer.Deserialize(node.ToJsonString(), GitLabJsonContext.Default.GitLabMergeRequestEvent);

        // Assert
        evt!.ObjectAttributes!.Action.Should().Be("some_future_action");
        evt.ObjectAttributes.State.Should().Be("some_future_state");
        evt.ObjectAttributes.MergeStatus.Should().Be("some_future_status");
        evt.ObjectAttributes.Iid.Should().Be(1);
    }

    [Fact]
    public void Deserialize_PushWithEventName_ReadsEventName()
    {
        // Arrange: current GitLab versions also send event_name and user_username.
        var node = JsonNode.Parse(ReadPayload("push-event.json"))!;
        node["event_name"] = "push";
        node["user_username"] = "jsmith";

        // Act
        var push = JsonSerializer.Deserialize(node.ToJsonString(), GitLabJsonContext.Default.GitLabPushEvent);

        // Assert
        push!.EventName.Should().Be("push");
        push.UserUsername.Should().Be("jsmith");
    }
}
