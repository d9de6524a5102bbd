namespace WebhookKit.Bitbucket;

/// <summary>A Bitbucket Cloud account (a user or an app), as payloads show it.</summary>
public sealed class BitbucketAccount
{
    /// <summary>Gets or sets the account UUID, in braces, for example <c>{a54f16da-24e9-4d7f-a3a7-b1ba2cd98aa3}</c>.</summary>
    public string? Uuid { get; set; }

    /// <summary>Gets or sets the Atlassian account id, when the payload has one.</summary>
    public string? AccountId { get; set; }

    /// <summary>Gets or sets the display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Gets or sets the nickname, when the payload has one.</summary>
    public string? Nickname { get; set; }

    /// <summary>Gets or sets the username of older payloads (Bitbucket replaced it with <see cref="AccountId"/> and <see cref="Nickname"/> in 2019).</summary>
    public string? Username { get; set; }
}
