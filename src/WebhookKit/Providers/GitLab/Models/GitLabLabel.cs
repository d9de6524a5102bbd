namespace WebhookKit.GitLab;

/// <summary>
/// A label on an issue or merge request.
/// </summary>
public sealed class GitLabLabel
{
    /// <summary>Gets or sets the label's numeric id.</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the label title, for example <c>bug</c>.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the label colour, for example <c>#ffffff</c>.</summary>
    public string? Color { get; set; }

    /// <summary>Gets or sets the label description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the label type, such as <c>ProjectLabel</c> or <c>GroupLabel</c>.</summary>
    public string? Type { get; set; }
}
