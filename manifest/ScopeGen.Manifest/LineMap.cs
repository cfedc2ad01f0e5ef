using System.Collections.Generic;

namespace ScopeGen.Manifest;

/// <summary>
/// Line starts of a text under the compiler's line breaking (CR, LF, CRLF, U+0085, U+2028, U+2029), so a
/// diagnostic's line and column always agree with its offsets as an editor shows them, whatever
/// YamlDotNet's own line counting makes of a character.
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> starts = new() { 0 };
    private readonly int length;

    public LineMap(string text)
    {
        length = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                starts.Add(i + 1);
            }
        }
    }

    /// <summary>The span from <paramref name="startOffset"/> to <paramref name="endOffset"/>, clamped to the text.</summary>
    public SourceSpan Span(int startOffset, int endOffset)
    {
        startOffset = Clamp(startOffset, 0, length);
        endOffset = Clamp(endOffset, startOffset, length);
        var (startLine, startColumn) = Position(startOffset);
        var (endLine, endColumn) = Position(endOffset);
        return new SourceSpan(startLine, startColumn, endLine, endColumn, startOffset, endOffset);
    }

    private (int Line, int Column) Position(int offset)
    {
        // The last line start at or before the offset.
        int low = 0, high = starts.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (starts[middle] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return (low, offset - starts[low]);
    }

    private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
}
