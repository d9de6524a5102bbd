namespace WebhookKit.GitLab;

/// <summary>
/// The fields GitLab's push and tag push events share (the two payloads have the same shape), so that one reader
/// reads both (<see cref="GitLabPushFieldsJsonReader"/>). Internal: it adds nothing to either model's public API.
/// </summary>
internal interface IGitLabPushFields
{
    string? ObjectKind { get; set; }

    string? EventName { get; set; }

    string? Before { get; set; }

    string? After { get; set; }

    string? Ref { get; set; }

    string? CheckoutSha { get; set; }

    long? UserId { get; set; }

    string? UserName { get; set; }

    string? UserUsername { get; set; }

    string? UserEmail { get; set; }

    string? UserAvatar { get; set; }

    long? ProjectId { get; set; }

    GitLabProject? Project { get; set; }

    IReadOnlyList<GitLabCommit>? Commits { get; set; }

    int? TotalCommitsCount { get; set; }
}
