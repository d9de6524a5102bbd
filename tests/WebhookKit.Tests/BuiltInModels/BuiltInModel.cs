using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Stripe;

namespace WebhookKit.Tests.BuiltInModels;

/// <summary>A built-in model: read by its library context (<see cref="Read"/>) and by the reference contract (<see cref="ReadReference"/>).</summary>
internal sealed class BuiltInModel
{
    private BuiltInModel(string provider, Type type, Func<byte[], object?> read, Func<byte[], object?> readReference, Func<object, string> writeReference, JsonTypeInfo library)
    {
        Provider = provider;
        Type = type;
        Read = read;
        ReadReference = readReference;
        WriteReference = writeReference;
        Library = library;
    }

    /// <summary>Gets every built-in GitHub, GitLab and Stripe model.</summary>
    public static IReadOnlyList<BuiltInModel> All { get; } =
    [
        Of("github", GitHubJsonContext.Default.GitHubEvent, ReferenceJsonContext.Default.GitHubEvent),
        Of("github", GitHubJsonContext.Default.GitHubPushEvent, ReferenceJsonContext.Default.GitHubPushEvent),
        Of("github", GitHubJsonContext.Default.GitHubPullRequestEvent, ReferenceJsonContext.Default.GitHubPullRequestEvent),
        Of("github", GitHubJsonContext.Default.GitHubIssuesEvent, ReferenceJsonContext.Default.GitHubIssuesEvent),
        Of("github", GitHubJsonContext.Default.GitHubIssueCommentEvent, ReferenceJsonContext.Default.GitHubIssueCommentEvent),
        Of("github", GitHubJsonContext.Default.GitHubPingEvent, ReferenceJsonContext.Default.GitHubPingEvent),
        Of("github", GitHubJsonContext.Default.GitHubReleaseEvent, ReferenceJsonContext.Default.GitHubReleaseEvent),
        Of("github", GitHubJsonContext.Default.GitHubWorkflowRunEvent, ReferenceJsonContext.Default.GitHubWorkflowRunEvent),
        Of("gitlab", GitLabJsonContext.Default.GitLabEvent, ReferenceJsonContext.Default.GitLabEvent),
        Of("gitlab", GitLabJsonContext.Default.GitLabPushEvent, ReferenceJsonContext.Default.GitLabPushEvent),
        Of("gitlab", GitLabJsonContext.Default.GitLabTagPushEvent, ReferenceJsonContext.Default.GitLabTagPushEvent),
        Of("gitlab", GitLabJsonContext.Default.GitLabMergeRequestEvent, ReferenceJsonContext.Default.GitLabMergeRequestEvent),
        Of("gitlab", GitLabJsonContext.Default.GitLabPipelineEvent, ReferenceJsonContext.Default.GitLabPipelineEvent),
        Of("gitlab", GitLabJsonContext.Default.GitLabNoteEvent, ReferenceJsonContext.Default.GitLabNoteEvent),
        Of("gitlab", GitLabJsonContext.Default.GitLabIssueEvent, ReferenceJsonContext.Default.GitLabIssueEvent),
        Of("stripe", StripeJsonContext.Default.StripeEvent, ReferenceJsonContext.Default.StripeEvent),
    ];

    /// <summary>Gets the payload folder of the model's provider (<c>github</c>, <c>gitlab</c>, <c>stripe</c>).</summary>
    public string Provider { get; }

    public Type Type { get; }

    /// <summary>Gets the library's deserialization (its context, with the model's converter).</summary>
    public Func<byte[], object?> Read { get; }

    /// <summary>Gets the reference deserialization (the generated contract without converters).</summary>
    public Func<byte[], object?> ReadReference { get; }

    /// <summary>Gets the model written by the reference contract.</summary>
    public Func<object, string> WriteReference { get; }

    /// <summary>Gets the model's contract in the library's context.</summary>
    public JsonTypeInfo Library { get; }

    public static BuiltInModel Named(string name) => All.Single(model => model.Type.Name == name);

    public override string ToString() => Type.Name;

    private static BuiltInModel Of<T>(string provider, JsonTypeInfo<T> library, JsonTypeInfo<T> reference)
        where T : class => new(
            provider,
            typeof(T),
            json => JsonSerializer.Deserialize(json, library),
            json => JsonSerializer.Deserialize(json, reference),
            value => JsonSerializer.Serialize((T)value, reference),
            library);
}
