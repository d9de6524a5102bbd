namespace WebhookKit.GitLab;

/// <summary>
/// The GitLab project an event is about.
/// </summary>
public sealed class GitLabProject
{
    /// <summary>Gets or sets the project's numeric id; older payloads omit it (see the event's <c>project_id</c>).</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the project name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the project description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the URL of the project's page.</summary>
    public string? WebUrl { get; set; }

    /// <summary>Gets or sets the SSH clone URL.</summary>
    public string? GitSshUrl { get; set; }

    /// <summary>Gets or sets the HTTP(S) clone URL.</summary>
    public string? GitHttpUrl { get; set; }

    /// <summary>Gets or sets the display name of the project's namespace (group or user).</summary>
    public string? Namespace { get; set; }

    /// <summary>Gets or sets the full path, for example <c>gitlab-org/gitlab</c>.</summary>
    public string? PathWithNamespace { get; set; }

    /// <summary>Gets or sets the name of the default branch.</summary>
    public string? DefaultBranch { get; set; }

    /// <summary>Gets or sets the visibility level: 0 private, 10 internal, 20 public.</summary>
    public int? VisibilityLevel { get; set; }
}
