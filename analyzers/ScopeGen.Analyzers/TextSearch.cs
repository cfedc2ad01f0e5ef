using System;
using Microsoft.CodeAnalysis.Text;

namespace ScopeGen.Analyzers;

/// <summary>
/// Ordinal searches in a <see cref="SourceText"/> without turning it into a string: the call-site
/// search looks through every file of the compilation, and ToString() copied each one.
/// </summary>
internal static class TextSearch
{
    private const int ChunkSize = 4096;

    [ThreadStatic]
    private static char[]? buffer;

    /// <summary>Whether <paramref name="text"/> contains <paramref name="value"/> (ordinal).</summary>
    public static bool Contains(SourceText text, string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (value.Length > ChunkSize)
        {
            return text.ToString().IndexOf(value, StringComparison.Ordinal) >= 0;
        }

        // Chunks overlap by value.Length - 1 characters, so a match across a chunk boundary is found.
        var chunk = buffer ??= new char[ChunkSize + ChunkSize];
        var first = value[0];
        for (var start = 0; start <= text.Length - value.Length; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize + value.Length - 1, text.Length - start);
            text.CopyTo(start, chunk, 0, count);
            for (var i = 0; i <= count - value.Length; i++)
            {
                if (chunk[i] == first && Matches(chunk, i, value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> starts with <paramref name="value"/> (ordinal).</summary>
    public static bool StartsWith(SourceText text, string value)
    {
        if (text.Length < value.Length)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (text[i] != value[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(char[] chunk, int at, string value)
    {
        for (var j = 1; j < value.Length; j++)
        {
            if (chunk[at + j] != value[j])
            {
                return false;
            }
        }

        return true;
    }
}
