namespace WebhookKit.GitHub;

/// <summary>
/// A label on an issue or pull request.
/// </summary>
public sealed class GitHubLabel
{
    /// <summary>Gets the label's numeric id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the label name, for example <c>bug</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the label colour as six hexadecimal digits without a leading <c>#</c>.</summary>
    public string? Color { get; init; }

    /// <summary>Gets the label description.</summary>
    public string? Description { get; init; }
}
