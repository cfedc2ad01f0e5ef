using Microsoft.CodeAnalysis.Text;

namespace ScopeGen.Tests.Helpers;

/// <summary>
/// Text with one span marked as <c>[|...|]</c>: the test states where a diagnostic belongs by marking it
/// in the input itself, so the expected position cannot drift from the text.
/// </summary>
internal sealed record Markup(string Text, TextSpan Span, LinePositionSpan LineSpan)
{
    public static Markup Parse(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("The markup needs one [|...|] span.", nameof(markup));
        }

        var text = markup.Remove(end, 2).Remove(start, 2);
        var span = TextSpan.FromBounds(start, end - 2);
        var lineSpan = SourceText.From(text).Lines.GetLinePositionSpan(span);
        return new Markup(text, span, lineSpan);
    }
}
