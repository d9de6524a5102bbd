namespace WebhookKit.GitLab;

/// <summary>
/// A label on an issue or merge request.
/// </summary>
public sealed class GitLabLabel
{
    /// <summary>Gets the label's numeric id.</summary>
    public long? Id { get; init; }

    /// <summary>Gets the label title, for example <c>bug</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the label colour, for example <c>#ffffff</c>.</summary>
    public string? Color { get; init; }

    /// <summary>Gets the label description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the label type, such as <c>ProjectLabel</c> or <c>GroupLabel</c>.</summary>
    public string? Type { get; init; }
}
