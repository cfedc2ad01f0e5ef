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
        for (var start = 0; start <= text.Length - value.Length; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize + value.Length - 1, text.Length - start);
            text.CopyTo(start, chunk, 0, count);
            if (chunk.AsSpan(0, count).IndexOf(value.AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
