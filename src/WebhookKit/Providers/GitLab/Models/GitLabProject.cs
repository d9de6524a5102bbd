namespace WebhookKit.GitLab;

/// <summary>
/// The GitLab project an event is about.
/// </summary>
public sealed class GitLabProject
{
    /// <summary>Gets the project's numeric id; older payloads omit it (see the event's <c>project_id</c>).</summary>
    public long? Id { get; init; }

    /// <summary>Gets the project name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the project description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the URL of the project's page.</summary>
    public string? WebUrl { get; init; }

    /// <summary>Gets the SSH clone URL.</summary>
    public string? GitSshUrl { get; init; }

    /// <summary>Gets the HTTP(S) clone URL.</summary>
    public string? GitHttpUrl { get; init; }

    /// <summary>Gets the display name of the project's namespace (group or user).</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the full path, for example <c>gitlab-org/gitlab</c>.</summary>
    public string? PathWithNamespace { get; init; }

    /// <summary>Gets the name of the default branch.</summary>
    public string? DefaultBranch { get; init; }

    /// <summary>Gets the visibility level: 0 private, 10 internal, 20 public.</summary>
    public int? VisibilityLevel { get; init; }
}
