using System.Text.RegularExpressions;

namespace ScopeGen.Package.Tests;

/// <summary>
/// The fenced code blocks of a Markdown file that are marked for extraction by an HTML comment on the
/// line before them (blank lines between are allowed): <c>&lt;!-- quickstart: Program.cs --&gt;</c>.
/// The comment is invisible on the rendered page; the test reads exactly what a reader copies.
/// </summary>
public static class MarkedBlocks
{
    private static readonly Regex Marker = new(@"^<!--\s*(?<prefix>[a-z]+):\s*(?<name>.+?)\s*-->\s*$", RegexOptions.CultureInvariant);

    /// <summary>Block name → block text (lines joined with \n, ending in \n) for every marker with <paramref name="prefix"/>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string markdownPath, string prefix)
    {
        var lines = File.ReadAllLines(markdownPath);
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = Marker.Match(lines[i]);
            if (!marker.Success || marker.Groups["prefix"].Value != prefix)
            {
                continue;
            }

            var name = marker.Groups["name"].Value;
            var open = i + 1;
            while (open < lines.Length && lines[open].Trim().Length == 0)
            {
                open++;
            }

            Assert.True(open < lines.Length && lines[open].StartsWith("```", StringComparison.Ordinal), $"{markdownPath}:{i + 1}: marker '{name}' is not followed by a fenced code block");
            var close = Array.FindIndex(lines, open + 1, line => line.TrimEnd() == "```");
            Assert.True(close > open, $"{markdownPath}:{open + 1}: the block '{name}' is never closed");
            Assert.True(blocks.TryAdd(name, string.Join("\n", lines[(open + 1)..close]) + "\n"), $"{markdownPath}: two blocks named '{name}'");
            i = close;
        }

        return blocks;
    }
}
