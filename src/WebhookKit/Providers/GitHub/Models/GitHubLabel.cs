namespace WebhookKit.GitHub;

/// <summary>
/// A label on an issue or pull request.
/// </summary>
public sealed class GitHubLabel
{
    /// <summary>Gets or sets the label's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the label name, for example <c>bug</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the label colour as six hexadecimal digits without a leading <c>#</c>.</summary>
    public string? Color { get; set; }

    /// <summary>Gets or sets the label description.</summary>
    public string? Description { get; set; }
}
