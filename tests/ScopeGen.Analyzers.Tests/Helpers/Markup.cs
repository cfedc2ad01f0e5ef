using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ScopeGen.Analyzers.Tests.Helpers;

/// <summary>An expected diagnostic: its id and the exact span it covers in the clean source.</summary>
public sealed record ExpectedDiagnostic(string Id, int SourceIndex, TextSpan Span);

/// <summary>
/// Test-source markup: <c>{|SCOPE001:MapGet|}</c> marks the exact span where a diagnostic with that id is
/// expected. <see cref="Parse"/> returns the source without markup and the expectations.
/// </summary>
public static class Markup
{
    public static (string Source, List<ExpectedDiagnostic> Expected) Parse(string markup, int sourceIndex = 0)
    {
        var output = new StringBuilder(markup.Length);
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Unterminated markup at offset {i}");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), output.Length));
                i = colon + 1;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, sourceIndex, TextSpan.FromBounds(start, output.Length)));
                i += 2;
            }
            else
            {
                output.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Unclosed markup");
        }

        return (output.ToString(), expected);
    }
}
