namespace WebhookKit.Journal;

/// <summary>
/// What a journal that keeps <see cref="WebhookJournalEntryValues"/> can do besides <see cref="IWebhookJournal.Append"/>:
/// take the fields as they are, so that the recorder makes no <see cref="WebhookJournalEntry"/> to copy them out of
/// (three per handled delivery, each thrown away at once; docs/architecture.md, "The journal").
/// </summary>
internal interface IWebhookJournalValuesAppender
{
    /// <summary>Appends an entry of <paramref name="values"/>, as <see cref="IWebhookJournal.Append"/> appends an entry; never throws.</summary>
    void Append(in WebhookJournalEntryValues values);
}
