namespace WebhookKit.Journal;

/// <summary>
/// The delivery journal: what happened to every request that reached a receiver and to every delivery after it
/// (docs/operations.md, "Delivery journal"). The default keeps a bounded window in memory; register another
/// implementation before <c>AddWebhooks()</c> to keep it elsewhere.
/// </summary>
public interface IWebhookJournal
{
    /// <summary>Gets how many entries were dropped because the journal was full or failing; they are counted, never waited for.</summary>
    long Dropped { get; }

    /// <summary>
    /// Appends an entry and assigns its <see cref="WebhookJournalEntry.Sequence"/>. Called on the receive path and by
    /// handler workers, so it must neither block nor throw: an implementation that writes somewhere slow buffers (bounded)
    /// and drops and counts what does not fit.
    /// </summary>
    /// <param name="entry">The entry.</param>
    void Append(WebhookJournalEntry entry);

    /// <summary>Returns the entries that match <paramref name="query"/>, newest first.</summary>
    /// <param name="query">The filters and the largest number to return.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Up to <see cref="WebhookJournalQuery.MaxCount"/> entries.</returns>
    ValueTask<IReadOnlyList<WebhookJournalEntry>> QueryAsync(WebhookJournalQuery query, CancellationToken cancellationToken);
}
