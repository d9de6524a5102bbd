namespace WebhookKit.GitHub;

/// <summary>
/// A GitHub account (user, bot or organization) as it appears in webhook payloads, for example as
/// <c>sender</c>, a repository <c>owner</c> or an issue <c>user</c>.
/// </summary>
public sealed class GitHubUser
{
    /// <summary>Gets or sets the account's login (user name), for example <c>octocat</c>.</summary>
    public string? Login { get; set; }

    /// <summary>Gets or sets the account's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the account's GraphQL node id.</summary>
    public string? NodeId { get; set; }

    /// <summary>Gets or sets the account type, such as <c>User</c>, <c>Bot</c> or <c>Organization</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the URL of the account's page on GitHub.</summary>
    public string? HtmlUrl { get; set; }

    /// <summary>Gets or sets the URL of the account's avatar image.</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>Gets or sets the display name, when GitHub includes it (for example on a push's repository owner).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the public e-mail address, when GitHub includes it.</summary>
    public string? Email { get; set; }
}
