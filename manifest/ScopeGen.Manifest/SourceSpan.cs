namespace ScopeGen.Manifest;

/// <summary>
/// A range of text in a manifest file: zero-based lines and columns (as Roslyn's
/// <c>LinePositionSpan</c>) plus zero-based character offsets (as Roslyn's <c>TextSpan</c>).
/// </summary>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, int StartOffset, int EndOffset)
{
    /// <summary>The start of the file, for diagnostics that belong to the file as a whole.</summary>
    public static SourceSpan FileStart => default;

    /// <summary>The number of characters covered.</summary>
    public int Length => EndOffset - StartOffset;

    /// <summary>Formats the start as a one-based <c>(line,column)</c>, as MSBuild prints it.</summary>
    public override string ToString() => $"({StartLine + 1},{StartColumn + 1})";
}
