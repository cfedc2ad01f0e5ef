using System.Globalization;
using System.Text;

namespace ScopeGen.Generator;

/// <summary>A minimal indented text writer for emitters.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder builder = new();
    private int indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', indent * 4);
        }

        builder.Append(text).Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => builder.ToString();

    /// <summary>
    /// A C# string literal for any text: quotes, backslashes, control characters and everything outside
    /// printable ASCII are escaped, so a description can neither break nor inject code, and bidi
    /// controls cannot disguise it.
    /// </summary>
    public static string Literal(string value)
    {
        var result = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    result.Append("\\\"");
                    break;
                case '\\':
                    result.Append("\\\\");
                    break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.Append('"').ToString();
    }

    /// <summary>
    /// Writes text as the body of an XML doc element, one <c>///</c> line per line of text. Every C# line
    /// terminator (including U+0085, U+2028 and U+2029, which would otherwise end the comment) starts a new
    /// doc line; XML specials are escaped; control and bidi characters are replaced so the comment stays
    /// well-formed and reads as it is.
    /// </summary>
    public SourceWriter DocLines(string element, string text)
    {
        var lines = SplitLines(text);
        if (lines.Length == 1)
        {
            return Line($"/// <{element}>{EscapeXml(lines[0])}</{element}>");
        }

        Line($"/// <{element}>");
        foreach (var line in lines)
        {
            Line("/// " + EscapeXml(line));
        }

        return Line($"/// </{element}>");
    }

    private static string[] SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');
        return normalized.Trim('\n').Split('\n');
    }

    internal static string EscapeXml(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    result.Append("&amp;");
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '\t':
                    result.Append(' ');
                    break;
                default:
                    if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\uFFFE' || c == '\uFFFF')
                    {
                        // Not allowed in XML at all, not even as a character reference.
                        result.Append('\uFFFD');
                    }
                    else if (IsBidiControl(c))
                    {
                        result.Append("&#x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(';');
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
