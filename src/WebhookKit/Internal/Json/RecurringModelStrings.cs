using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace WebhookKit.Internal.Json;

/// <summary>
/// The strings that recur from one delivery to the next, kept across documents so that each delivery's model shares
/// them instead of making them again: a sender's repository (its name, URLs, default branch), the accounts that act on
/// it (login, avatar, the commit author's name and e-mail), its organization and installation, branches, workflow and
/// job names, and values from a small set (an action, a state, a status).
/// </summary>
/// <remarks>
/// <para>
/// Only the readers of such properties ask (<see cref="ModelJson.RecurringString"/>); a commit's id, message or URL,
/// which never recur, go through <see cref="ModelStrings"/> alone and are forgotten after their document.
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

    /// <summary>The string the reader is on (a string token): the one kept from an earlier delivery when it has the same characters.</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return ModelStrings.Get(ref reader);
        }

        return reader.ValueIsEscaped ? GetEscaped(ref reader) : Get(ref reader, reader.ValueSpan);
    }

    // Escaped (a URL written with \/): looked up by its unescaped bytes, never longer than the escaped. A method of its
    // own so that the common case pays no stack cookie for the buffer.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string GetEscaped(scoped ref Utf8JsonReader reader)
    {
        Span<byte> unescaped = stackalloc byte[MaxLength];
        return Get(ref reader, unescaped[..reader.CopyString(unescaped)]);
    }

    private static string Get(scoped ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> bytes)
    {
        ref var slot = ref s_strings[ModelStrings.Hash(bytes) & (Size - 1)];
        var known = Volatile.Read(ref slot);
        if (known is not null && Ascii.Equals(bytes, known))
        {
            return known;
        }

        var value = ModelStrings.Get(ref reader);
        if (Ascii.IsValid(bytes))
        {
            Volatile.Write(ref slot, value);
        }

        return value;
    }
}
