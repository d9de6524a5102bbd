using System.Text;

namespace WebhookKit.Internal.Json;

/// <summary>
/// The strings that recur from one delivery to the next, kept across documents so that each delivery's model shares
/// them instead of making them again: a sender's repository (its name, URLs, default branch), the accounts that act on
/// it (login, avatar, the commit author's name and e-mail), its organization and installation, branches, workflow and
/// job names, and values from a small set (an action, a state, a status).
/// </summary>
/// <remarks>
/// <para>
/// Only the readers of such properties ask (<see cref="ModelJson.RecurringString"/>, through
/// <see cref="ModelStrings.GetRecurring"/>, which looks a value up here first, with the hash and the unescaped bytes it
/// uses for the document's own table); a commit's id, message or URL, which never recur, go to the document's table
/// alone and are forgotten after their document.
/// </para>
/// <para>
/// Bounded whatever the traffic: one table of <see cref="Size"/> strings of at most <see cref="MaxLength"/> ASCII
/// characters (under 300 KB), shared by all threads, each slot holding the last string read into it. A string is taken
/// only when its characters are the reader's bytes, so a collision or a race costs a new string, never a wrong one. An
/// escaped value is looked up by its unescaped text; non-ASCII and longer values are made as before. Models are read
/// only from verified deliveries, so what the table keeps was sent by the provider. See docs/architecture.md,
/// "Built-in models".
/// </para>
/// </remarks>
internal static class RecurringModelStrings
{
    /// <summary>The longest value kept, in bytes: an avatar URL or a clone URL fits, a description rarely does.</summary>
    public const int MaxLength = 128;

    /// <summary>The number of slots, a power of two.</summary>
    public const int Size = 1024;

    private static readonly string?[] s_strings = new string?[Size];

    /// <summary>The string kept in the slot of <paramref name="hash"/> when its characters are <paramref name="bytes"/>.</summary>
    public static string? Find(int hash, ReadOnlySpan<byte> bytes)
    {
        var known = bytes.Length <= MaxLength ? Volatile.Read(ref s_strings[hash & (Size - 1)]) : null;
        return known is not null && Ascii.Equals(bytes, known) ? known : null;
    }

    /// <summary>Keeps <paramref name="value"/>, the string of <paramref name="bytes"/>, in the slot of <paramref name="hash"/> when it is short ASCII.</summary>
    public static void Keep(int hash, ReadOnlySpan<byte> bytes, string value)
    {
        if (bytes.Length <= MaxLength && Ascii.IsValid(bytes))
        {
            Volatile.Write(ref s_strings[hash & (Size - 1)], value);
        }
    }
}
