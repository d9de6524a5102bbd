using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace WebhookKit.Internal.Json;

/// <summary>
/// The strings of the document a built-in model is being read from, so that a value the payload repeats is one string:
/// a push names its author in every commit, its head commit is its last commit again, and the same paths recur.
/// </summary>
/// <remarks>
/// A small table per thread, used by one document at a time (<see cref="Enter"/> … <see cref="Exit"/>) and emptied
/// after it, so nothing of a payload outlives its reading. A string is found by a hash of its UTF-8 bytes and taken only
/// when its characters are those bytes (ASCII; other strings are made each time); a collision makes a new string, never
/// a wrong one. Sharing one instance is not observable but by reference.
/// </remarks>
internal sealed class ModelStrings
{
    private const int MaxEscapedLength = 512;

    private const int Size = 256; // A power of two, well above the 43 distinct strings of the 10 KB push.

    [ThreadStatic]
    private static ModelStrings? t_current;

    [ThreadStatic]
    private static ModelStrings? t_idle;

    private readonly Entry[] _entries = new Entry[Size];
    private readonly byte[] _used = new byte[Size]; // The slots taken, to empty only those.
    private int _usedCount;

    /// <summary>Starts a document on this thread; returns what <see cref="Exit"/> restores.</summary>
    public static ModelStrings? Enter()
    {
        var outer = t_current;
        var strings = t_idle ?? new ModelStrings();
        t_idle = null;
        t_current = strings;
        return outer;
    }

    /// <summary>Ends the document that <see cref="Enter"/> started, forgetting its strings.</summary>
    public static void Exit(ModelStrings? outer)
    {
        var strings = t_current!;
        for (var i = 0; i < strings._usedCount; i++)
        {
            strings._entries[strings._used[i]] = default;
        }

        strings._usedCount = 0;

        t_current = outer;
        t_idle = strings;
    }

    /// <summary>The string the reader is on (a string token), the document's own instance when it has had it already.</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        var strings = t_current;
        if (strings is null || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        if (!reader.ValueIsEscaped)
        {
            return strings.Get(ref reader, reader.ValueSpan, Hash(reader.ValueSpan));
        }

        return GetEscaped(strings, ref reader, recurs: false);
    }

    /// <summary>
    /// The string the reader is on (a string token) for a property whose values recur from one delivery to the next:
    /// also the instance an earlier delivery kept (<see cref="RecurringModelStrings"/>), which this one keeps in turn.
    /// </summary>
    public static string GetRecurring(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        return reader.ValueIsEscaped ? GetEscaped(t_current, ref reader, recurs: true) : FindRecurring(t_current, ref reader, reader.ValueSpan);
    }

    // Escaped (a commit message with its new lines): looked up by its unescaped bytes, never longer than the escaped.
    // A method of its own, so that the common case pays no stack cookie for the buffer.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string GetEscaped(ModelStrings? strings, scoped ref Utf8JsonReader reader, bool recurs)
    {
        if (reader.ValueSpan.Length > MaxEscapedLength)
        {
            return reader.GetString()!;
        }

        Span<byte> unescaped = stackalloc byte[MaxEscapedLength];
        var bytes = unescaped[..reader.CopyString(unescaped)];
        return recurs ? FindRecurring(strings, ref reader, bytes) : strings!.Get(ref reader, bytes, Hash(bytes));
    }

    // One hash for both tables: the deliveries' first, then the document's (when a model is being read).
    private static string FindRecurring(ModelStrings? strings, scoped ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> bytes)
    {
        var hash = Hash(bytes);
        if (RecurringModelStrings.Find(hash, bytes) is { } kept)
        {
            return kept;
        }

        var value = strings is null ? reader.GetString()! : strings.Get(ref reader, bytes, hash);
        RecurringModelStrings.Keep(hash, bytes, value);
        return value;
    }

    private string Get(scoped ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> bytes, int hash)
    {
        // Two places a string may be in, from two parts of its hash: two strings that want the same place both stay.
        var entries = _entries;
        var first = hash & (Size - 1);
        var second = (hash >> 8) & (Size - 1);
        if (entries[first] is { Value: { } known } && entries[first].Hash == hash && Ascii.Equals(bytes, known))
        {
            return known;
        }

        if (entries[second] is { Value: { } other } && entries[second].Hash == hash && Ascii.Equals(bytes, other))
        {
            return other;
        }

        var value = reader.GetString()!;
        var slot = entries[first].Value is null ? first : entries[second].Value is null ? second : first;
        if (entries[slot].Value is null)
        {
            _used[_usedCount++] = (byte)slot;
        }

        entries[slot] = new Entry(hash, value);
        return value;
    }

    // The length and three 8-byte reads (start, middle, end), mixed: O(1) for any length.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15;
        if (bytes.Length >= 8)
        {
            hash ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            hash = (hash ^ (hash >> 31)) * 0xBF58476D1CE4E5B9;
            hash ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes[((bytes.Length - 8) / 2)..]);
            hash = (hash ^ (hash >> 29)) * 0x94D049BB133111EB;
            hash ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }
        else
        {
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 0x100000001B3;
            }
        }

        hash = (hash ^ (hash >> 32)) * 0xD6E8FEB86659FD93;
        return (int)(hash ^ (hash >> 32));
    }

    private readonly record struct Entry(int Hash, string? Value);
}
