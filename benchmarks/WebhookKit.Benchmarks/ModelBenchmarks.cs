using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Stripe;

namespace WebhookKit.Benchmarks;

/// <summary>
/// Issue 20, point 1: each built-in GitHub, GitLab and Stripe model deserialized from a real payload, against one
/// <see cref="Utf8JsonReader"/> pass over the same bytes (the baseline: what reading the JSON costs at all).
/// <see cref="Before"/> is the source-generated contract without the models' converters (<see cref="BeforeJsonContext"/>),
/// <see cref="Model"/> the library's own context, as the dispatcher reads it.
/// </summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private static readonly BeforeJsonContext BeforeContext = BeforeJsonContext.Default;

    // Payload name → (file, before, after). Files: benchmarks/payloads and tests/WebhookKit.Tests/Payloads (their
    // READMEs say where each comes from).
    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["gh.push 10KB"] = Case.Of(Path.Combine("payloads", "github-push.json"), BeforeContext.GitHubPushEvent, GitHubJsonContext.Default.GitHubPushEvent),
        ["gh.push"] = Case.Of(Fixture("github", "push.json"), BeforeContext.GitHubPushEvent, GitHubJsonContext.Default.GitHubPushEvent),
        ["gh.pull_request"] = Case.Of(Fixture("github", "pull_request.opened.json"), BeforeContext.GitHubPullRequestEvent, GitHubJsonContext.Default.GitHubPullRequestEvent),
        ["gh.issues"] = Case.Of(Fixture("github", "issues.opened.json"), BeforeContext.GitHubIssuesEvent, GitHubJsonContext.Default.GitHubIssuesEvent),
        ["gh.issue_comment"] = Case.Of(Fixture("github", "issue_comment.created.json"), BeforeContext.GitHubIssueCommentEvent, GitHubJsonContext.Default.GitHubIssueCommentEvent),
        ["gh.ping"] = Case.Of(Fixture("github", "ping.json"), BeforeContext.GitHubPingEvent, GitHubJsonContext.Default.GitHubPingEvent),
        ["gh.release"] = Case.Of(Fixture("github", "release.published.json"), BeforeContext.GitHubReleaseEvent, GitHubJsonContext.Default.GitHubReleaseEvent),
        ["gh.workflow_run"] = Case.Of(Fixture("github", "workflow_run.completed.json"), BeforeContext.GitHubWorkflowRunEvent, GitHubJsonContext.Default.GitHubWorkflowRunEvent),
        ["gh.* (catch-all) pr"] = Case.Of(Fixture("github", "pull_request.opened.json"), BeforeContext.GitHubEvent, GitHubJsonContext.Default.GitHubEvent),
        ["gl.push"] = Case.Of(Fixture("gitlab", "push-event.json"), BeforeContext.GitLabPushEvent, GitLabJsonContext.Default.GitLabPushEvent),
        ["gl.tag_push"] = Case.Of(Fixture("gitlab", "tag-event.json"), BeforeContext.GitLabTagPushEvent, GitLabJsonContext.Default.GitLabTagPushEvent),
        ["gl.merge_request"] = Case.Of(Fixture("gitlab", "merge-request-event.json"), BeforeContext.GitLabMergeRequestEvent, GitLabJsonContext.Default.GitLabMergeRequestEvent),
        ["gl.pipeline"] = Case.Of(Fixture("gitlab", "pipeline-event.json"), BeforeContext.GitLabPipelineEvent, GitLabJsonContext.Default.GitLabPipelineEvent),
        ["gl.note"] = Case.Of(Fixture("gitlab", "comment-merge-request-event.json"), BeforeContext.GitLabNoteEvent, GitLabJsonContext.Default.GitLabNoteEvent),
        ["gl.issue"] = Case.Of(Fixture("gitlab", "issue-event.json"), BeforeContext.GitLabIssueEvent, GitLabJsonContext.Default.GitLabIssueEvent),
        ["gl.* (catch-all) mr"] = Case.Of(Fixture("gitlab", "merge-request-event.json"), BeforeContext.GitLabEvent, GitLabJsonContext.Default.GitLabEvent),
        ["stripe.customer.updated"] = Case.Of(Fixture("stripe", "customer.updated.json"), BeforeContext.StripeEvent, StripeJsonContext.Default.StripeEvent),
        ["stripe 10KB"] = new(Payloads.StripeEvent(10 * 1024), json => JsonSerializer.Deserialize(json, BeforeContext.StripeEvent), json => JsonSerializer.Deserialize(json, StripeJsonContext.Default.StripeEvent)),
    };

    private byte[] _json = [];
    private Func<byte[], object?> _before = null!;
    private Func<byte[], object?> _model = null!;

    /// <summary>Gets the payloads, named by provider and event.</summary>
    public static IEnumerable<string> PayloadNames => Cases.Keys;

    /// <summary>Gets or sets the payload (and the model it is read into).</summary>
    [ParamsSource(nameof(PayloadNames))]
    public string Payload { get; set; } = "gh.push 10KB";

    [GlobalSetup]
    public void Setup()
    {
        var selected = Cases[Payload];
        (_json, _before, _model) = (selected.Json, selected.Before, selected.Model);
        if (_before(_json) is null || _model(_json) is null)
        {
            throw new InvalidOperationException($"{Payload} did not deserialize.");
        }
    }

    /// <summary>One pass of <see cref="Utf8JsonReader"/> over every token: the cost of reading the JSON at all.</summary>
    [Benchmark(Baseline = true)]
    public long ReaderPass()
    {
        var reader = new Utf8JsonReader(_json);
        while (reader.Read())
        {
        }

        return reader.BytesConsumed;
    }

    /// <summary>The source-generated contract without converters: the models as read before issue 20.</summary>
    [Benchmark]
    public object? Before() => _before(_json);

    /// <summary>The library's own context, as the dispatcher reads the model.</summary>
    [Benchmark]
    public object? Model() => _model(_json);

    private static string Fixture(string provider, string file) => Path.Combine("fixtures", provider, file);

    private sealed record Case(byte[] Json, Func<byte[], object?> Before, Func<byte[], object?> Model)
    {
        public static Case Of<T>(string path, JsonTypeInfo<T> before, JsonTypeInfo<T> model) => new(
            File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, path)),
            json => JsonSerializer.Deserialize(json, before),
            json => JsonSerializer.Deserialize(json, model));
    }
}
