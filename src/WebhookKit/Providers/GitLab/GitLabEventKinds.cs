namespace WebhookKit.GitLab;

/// <summary>
/// The body's <c>object_kind</c> of each <c>X-Gitlab-Event</c> that names exactly one kind, so that a signed body
/// also pins down its (unsigned) event header. Headers that share a kind with another header
/// (<c>Issue Hook</c> / <c>Confidential Issue Hook</c>, <c>Note Hook</c> / <c>Confidential Note Hook</c>) or whose
/// bodies have no <c>object_kind</c> (system, member and subgroup hooks) are left out: their type is reported unsigned.
/// </summary>
internal static class GitLabEventKinds
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["Push Hook"] = "push",
        ["Tag Push Hook"] = "tag_push",
        ["Merge Request Hook"] = "merge_request",
        ["Pipeline Hook"] = "pipeline",
        ["Job Hook"] = "build",
        ["Wiki Page Hook"] = "wiki_page",
        ["Deployment Hook"] = "deployment",
        ["Release Hook"] = "release",
        ["Feature Flag Hook"] = "feature_flag",
        ["Emoji Hook"] = "emoji",
        ["Milestone Hook"] = "milestone",
        ["Resource Access Token Hook"] = "access_token",
    };

    /// <summary>True when <paramref name="eventHeader"/> names exactly the kind <paramref name="objectKind"/>.</summary>
    public static bool Matches(string eventHeader, string? objectKind) =>
        objectKind is not null && Kinds.TryGetValue(eventHeader, out var kind) && string.Equals(kind, objectKind, StringComparison.Ordinal);
}
