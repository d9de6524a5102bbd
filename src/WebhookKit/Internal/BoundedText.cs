namespace WebhookKit.Internal;

/// <summary>Cuts text that goes into logs, reasons and the journal to a bound, marking the cut.</summary>
internal static class BoundedText
{
    /// <summary><paramref name="value"/> when it is at most <paramref name="length"/> characters, else its first <paramref name="length"/> and "…".</summary>
    public static string? Cut(string? value, int length) =>
        value is null || value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");
}
