namespace WebhookKit.GitHub;

/// <summary>
/// One side of a pull request: its <c>head</c> (the changes) or its <c>base</c> (where they are to be merged).
/// </summary>
public sealed class GitHubPullRequestBranch
{
    /// <summary>Gets or sets the label, <c>owner:branch</c>, for example <c>octocat:feature</c>.</summary>
    public string? Label { get; set; }

    /// <summary>Gets or sets the branch name, for example <c>main</c>.</summary>
    public string? Ref { get; set; }

    /// <summary>Gets or sets the SHA of the commit the branch pointed at.</summary>
    public string? Sha { get; set; }

    /// <summary>Gets or sets the owner of the branch's repository.</summary>
    public GitHubUser? User { get; set; }

    /// <summary>Gets or sets the branch's repository; <see langword="null"/> when a fork has been deleted.</summary>
    public GitHubRepository? Repo { get; set; }
}
