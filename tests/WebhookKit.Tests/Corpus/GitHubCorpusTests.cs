using System.Text.Json;
using WebhookKit.GitHub;

namespace WebhookKit.Tests.Corpus;

/// <summary>
/// Every payload example octokit/webhooks publishes for the events WebhookKit has a model for, and one of each other
/// event, read by the catch-all <see cref="GitHubEvent"/> and by the model the event is bound to.
/// </summary>
public sealed class GitHubCorpusTests
{
    private static readonly GitHubJsonContext Context = GitHubJsonContext.Default;

    // The events GitHubWebhooksBuilderExtensions binds to a model of their own.
    private static readonly string[] BoundEvents = ["push", "pull_request", "issues", "issue_comment", "ping", "release", "workflow_run"];

    public static TheoryData<string> Payloads => CorpusFiles.Of("github");

    public static TheoryData<string> BoundPayloads => CorpusFiles.Of("github", path => BoundEvents.Contains(EventName(path)));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Deserialize_AnyEventAsCatchAll_ReadsCommonFields(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("github", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act
        var evt = ModelReader.Read(json, Context.GitHubEvent);

        // Assert
        evt.Action.Should().Be(Json.String(root, "action"));
        (evt.Repository?.FullName).Should().Be(Json.String(root, "repository", "full_name"));
        (evt.Repository?.Id).Should().Be(Json.Int64(root, "repository", "id"));
        (evt.Sender?.Login).Should().Be(Json.String(root, "sender", "login"));
        (evt.Organization?.Login).Should().Be(Json.String(root, "organization", "login"));
        (evt.Installation?.Id).Should().Be(Json.Int64(root, "installation", "id"));
    }

    [Theory]
    [MemberData(nameof(BoundPayloads))]
    public void Deserialize_EventWithBuiltInModel_ReadsKeyFields(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("github", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act & Assert
        switch (EventName(path))
        {
            case "push":
                var push = ModelReader.Read(json, Context.GitHubPushEvent);
                push.Ref.Should().Be(Json.String(root, "ref"));
                push.Before.Should().Be(Json.String(root, "before"));
                push.After.Should().Be(Json.String(root, "after"));
                push.Created.Should().Be(Json.Boolean(root, "created") ?? false);
                push.Deleted.Should().Be(Json.Boolean(root, "deleted") ?? false);
                push.Forced.Should().Be(Json.Boolean(root, "forced") ?? false);
                (push.Commits?.Count).Should().Be(Json.Length(root, "commits"));
                (push.HeadCommit?.Id).Should().Be(Json.String(root, "head_commit", "id"));
                (push.Pusher?.Name).Should().Be(Json.String(root, "pusher", "name"));
                (push.Repository?.FullName).Should().Be(Json.String(root, "repository", "full_name"));
                break;

            case "pull_request":
                var pullRequest = ModelReader.Read(json, Context.GitHubPullRequestEvent);
                pullRequest.Action.Should().Be(Json.String(root, "action"));
                pullRequest.Number.Should().Be((int)Json.Int64(root, "number")!);
                (pullRequest.PullRequest?.Id).Should().Be(Json.Int64(root, "pull_request", "id"));
                (pullRequest.PullRequest?.Number).Should().Be((int?)Json.Int64(root, "pull_request", "number"));
                (pullRequest.PullRequest?.Head?.Ref).Should().Be(Json.String(root, "pull_request", "head", "ref"));
                (pullRequest.PullRequest?.Base?.Repo?.FullName).Should().Be(Json.String(root, "pull_request", "base", "repo", "full_name"));
                (pullRequest.PullRequest?.Body).Should().Be(Json.String(root, "pull_request", "body"));
                (pullRequest.Repository?.FullName).Should().Be(Json.String(root, "repository", "full_name"));
                break;

            case "issues":
                var issues = ModelReader.Read(json, Context.GitHubIssuesEvent);
                issues.Action.Should().Be(Json.String(root, "action"));
                (issues.Issue?.Id).Should().Be(Json.Int64(root, "issue", "id"));
                (issues.Issue?.Number).Should().Be((int?)Json.Int64(root, "issue", "number"));
                (issues.Issue?.Title).Should().Be(Json.String(root, "issue", "title"));
                (issues.Issue?.Body).Should().Be(Json.String(root, "issue", "body"));
                (issues.Issue?.Labels?.Count).Should().Be(Json.Length(root, "issue", "labels"));
                (issues.Repository?.FullName).Should().Be(Json.String(root, "repository", "full_name"));
                break;

            case "issue_comment":
                var comment = ModelReader.Read(json, Context.GitHubIssueCommentEvent);
                comment.Action.Should().Be(Json.String(root, "action"));
                (comment.Comment?.Id).Should().Be(Json.Int64(root, "comment", "id"));
                (comment.Comment?.Body).Should().Be(Json.String(root, "comment", "body"));
                (comment.Issue?.Number).Should().Be((int?)Json.Int64(root, "issue", "number"));
                (comment.Repository?.FullName).Should().Be(Json.String(root, "repository", "full_name"));
                break;

            case "ping":
                var ping = ModelReader.Read(json, Context.GitHubPingEvent);
                ping.Zen.Should().Be(Json.String(root, "zen"));
                ping.HookId.Should().Be(Json.Int64(root, "hook_id") ?? 0);
                (ping.Hook?.Id).Should().Be(Json.Int64(root, "hook", "id"));
                (ping.Hook?.AppId).Should().Be(Json.Int64(root, "hook", "app_id"));
                (ping.Repository?.FullName).Should().Be(Json.String(root, "repository", "full_name"));
                break;

            case "release":
                var release = ModelReader.Read(json, Context.GitHubReleaseEvent);
                release.Action.Should().Be(Json.String(root, "action"));
                (release.Release?.Id).Should().Be(Json.Int64(root, "release", "id"));
                (release.Release?.TagName).Should().Be(Json.String(root, "release", "tag_name"));
                (release.Repository?.FullName).Should().Be(Json.String(root, "repository", "full_name"));
                break;

            case "workflow_run":
                var workflowRun = ModelReader.Read(json, Context.GitHubWorkflowRunEvent);
                workflowRun.Action.Should().Be(Json.String(root, "action"));
                (workflowRun.WorkflowRun?.Id).Should().Be(Json.Int64(root, "workflow_run", "id"));
                (workflowRun.WorkflowRun?.RunNumber).Should().Be(Json.Int64(root, "workflow_run", "run_number"));
                (workflowRun.WorkflowRun?.HeadBranch).Should().Be(Json.String(root, "workflow_run", "head_branch"));
                (workflowRun.WorkflowRun?.Conclusion).Should().Be(Json.String(root, "workflow_run", "conclusion"));
                (workflowRun.Workflow?.Id).Should().Be(Json.Int64(root, "workflow", "id"));
                (workflowRun.Repository?.FullName).Should().Be(Json.String(root, "repository", "full_name"));
                break;

            default:
                throw new InvalidOperationException($"No model is bound to the event of {path}.");
        }
    }

    /// <summary>The event name (the <c>X-GitHub-Event</c> header) is the payload's folder.</summary>
    private static string EventName(string path) => path[..path.IndexOf('/', StringComparison.Ordinal)];
}
