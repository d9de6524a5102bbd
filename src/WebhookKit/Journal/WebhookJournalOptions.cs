using System.ComponentModel.DataAnnotations;

namespace WebhookKit.Journal;

/// <summary>What the delivery journal keeps, and for how long (<c>Webhooks:Journal</c>).</summary>
public sealed class WebhookJournalOptions
{
    /// <summary>Gets or sets whether entries are written. Default <see langword="true"/>: bounded memory, a few hundred bytes per entry.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many entries of verified requests and of handling the in-memory journal keeps. Default 10,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how many entries of refused requests it keeps, apart from the others, so that a flood of forged
    /// requests cannot push the record of real deliveries out. Default 1,000.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxRejectedEntries { get; set; } = 1_000;

    /// <summary>Gets or sets how long an entry is kept. Default 24 hours.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets the request headers an entry keeps (by name, case-insensitive); empty by default. A signature, token or
    /// authorization header is never kept, even when named here.
    /// </summary>
    public IList<string> Headers { get; } = new List<string>();

    /// <summary>Gets or sets whether an accepted delivery's body is kept (as UTF-8 text, cut to <see cref="MaxBodyLength"/>). Default <see langword="false"/>.</summary>
    public bool CaptureBodies { get; set; }

    /// <summary>Gets or sets how many characters of a captured body are kept. Default 4,096.</summary>
    [Range(0, 1_048_576)]
    public int MaxBodyLength { get; set; } = 4_096;

    /// <summary>Gets or sets a function that rewrites a captured body before it is kept (return <see langword="null"/> to keep none): (receiver, event type, body).</summary>
    public Func<string, string, string, string?>? RedactBody { get; set; }

    /// <summary>Gets or sets how many characters of a header value, id or type from a request are kept. Default 256.</summary>
    [Range(16, 4_096)]
    public int MaxValueLength { get; set; } = 256;

    /// <summary>Gets or sets how many characters of a handler exception's message are kept. Default 1,024.</summary>
    [Range(0, 65_536)]
    public int MaxExceptionMessageLength { get; set; } = 1_024;
}
