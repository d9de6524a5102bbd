using System.Text.Json;
using WebhookKit.GitLab;

namespace WebhookKit.Tests.Corpus;

/// <summary>
/// GitLab webhook and system hook payloads, read by the catch-all <see cref="GitLabEvent"/> and by the model their
/// <c>X-Gitlab-Event</c> is bound to.
/// </summary>
public sealed class GitLabCorpusTests
{
    private static readonly GitLabJsonContext Context = GitLabJsonContext.Default;

    public static TheoryData<string> Payloads => CorpusFiles.Of("gitlab");

    public static TheoryData<string> BoundPayloads => CorpusFiles.Of("gitlab", path => EventHeader(path) is not null);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Deserialize_AnyEventAsCatchAll_ReadsCommonFields(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("gitlab", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act
        var evt = ModelReader.Read(json, Context.GitLabEvent);

        // Assert
        evt.ObjectKind.Should().Be(Json.String(root, "object_kind"));
        evt.EventName.Should().Be(Json.String(root, "event_name"));
        evt.EventType.Should().Be(Json.String(root, "event_type"));
        (evt.Project?.Id).Should().Be(Json.Int64(root, "project", "id"));
        (evt.Project?.PathWithNamespace).Should().Be(Json.String(root, "project", "path_with_namespace"));
        (evt.User?.Username).Should().Be(Json.String(root, "user", "username"));
    }

    [Theory]
    [MemberData(nameof(BoundPayloads))]
    public void Deserialize_EventWithBuiltInModel_ReadsKeyFields(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("gitlab", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act & Assert
        switch (EventHeader(path))
        {
            case "Push Hook":
                var push = ModelReader.Read(json, Context.GitLabPushEvent);
                push.Ref.Should().Be(Json.String(root, "ref"));
                push.After.Should().Be(Json.String(root, "after"));
                push.CheckoutSha.Should().Be(Json.String(root, "checkout_sha"));
                push.ProjectId.Should().Be(Json.Int64(root, "project_id"));
                push.TotalCommitsCount.Should().Be((int?)Json.Int64(root, "total_commits_count"));
                (push.Commits?.Count).Should().Be(Json.Length(root, "commits"));
                break;

            case "Tag Push Hook":
                var tag = ModelReader.Read(json, Context.GitLabTagPushEvent);
                tag.Ref.Should().Be(Json.String(root, "ref"));
                tag.After.Should().Be(Json.String(root, "after"));
                tag.ProjectId.Should().Be(Json.Int64(root, "project_id"));
                break;

            case "Merge Request Hook":
                var mergeRequest = ModelReader.Read(json, Context.GitLabMergeRequestEvent);
                (mergeRequest.ObjectAttributes?.Id).Should().Be(Json.Int64(root, "object_attributes", "id"));
                (mergeRequest.ObjectAttributes?.Iid).Should().Be(Json.Int64(root, "object_attributes", "iid"));
                (mergeRequest.ObjectAttributes?.SourceBranch).Should().Be(Json.String(root, "object_attributes", "source_branch"));
                (mergeRequest.ObjectAttributes?.TargetBranch).Should().Be(Json.String(root, "object_attributes", "target_branch"));
                (mergeRequest.ObjectAttributes?.State).Should().Be(Json.String(root, "object_attributes", "state"));
                (mergeRequest.Labels?.Count).Should().Be(Json.Length(root, "labels"));
                break;

            case "Pipeline Hook":
                var pipeline = ModelReader.Read(json, Context.GitLabPipelineEvent);
                (pipeline.ObjectAttributes?.Id).Should().Be(Json.Int64(root, "object_attributes", "id"));
                (pipeline.ObjectAttributes?.Ref).Should().Be(Json.String(root, "object_attributes", "ref"));
                (pipeline.ObjectAttributes?.Status).Should().Be(Json.String(root, "object_attributes", "status"));
                (pipeline.Builds?.Count).Should().Be(Json.Length(root, "builds"));
                break;

            case "Note Hook" or "Confidential Note Hook":
                var note = ModelReader.Read(json, Context.GitLabNoteEvent);
                (note.ObjectAttributes?.Id).Should().Be(Json.Int64(root, "object_attributes", "id"));
                (note.ObjectAttributes?.Note).Should().Be(Json.String(root, "object_attributes", "note"));
                (note.ObjectAttributes?.NoteableType).Should().Be(Json.String(root, "object_attributes", "noteable_type"));
                (note.MergeRequest?.Iid).Should().Be(Json.Int64(root, "merge_request", "iid"));
                (note.Issue?.Iid).Should().Be(Json.Int64(root, "issue", "iid"));
                (note.Commit?.Id).Should().Be(Json.String(root, "commit", "id"));
                break;

            case "Issue Hook" or "Confidential Issue Hook":
                var issue = ModelReader.Read(json, Context.GitLabIssueEvent);
                (issue.ObjectAttributes?.Id).Should().Be(Json.Int64(root, "object_attributes", "id"));
                (issue.ObjectAttributes?.Iid).Should().Be(Json.Int64(root, "object_attributes", "iid"));
                (issue.ObjectAttributes?.Title).Should().Be(Json.String(root, "object_attributes", "title"));
                (issue.ObjectAttributes?.State).Should().Be(Json.String(root, "object_attributes", "state"));
                break;

            default:
                throw new InvalidOperationException($"No model is bound to the event of {path}.");
        }
    }

    /// <summary>The <c>X-Gitlab-Event</c> header GitLab sends with the payload, when WebhookKit binds it to a model of its own.</summary>
    /// <remarks>A <c>docs-</c> file is the example GitLab's documentation gives for the same event.</remarks>
    private static string? EventHeader(string path) => Path.GetFileNameWithoutExtension(path).Replace("docs-", string.Empty, StringComparison.Ordinal) switch
    {
        var name when name.StartsWith("system-", StringComparison.Ordinal) => null, // "System Hook": the catch-all only.
        "push-event" => "Push Hook",
        "tag-event" => "Tag Push Hook",
        "merge-request-event" => "Merge Request Hook",
        "pipeline-event" => "Pipeline Hook",
        "confidential-comment-event" => "Confidential Note Hook",
        var name when name.StartsWith("comment-", StringComparison.Ordinal) => "Note Hook",
        "issue-event" => "Issue Hook",
        "confidential-issue-event" => "Confidential Issue Hook",
        _ => null,
    };
}
