using System.Globalization;
using System.Text;

namespace ScopeGen.Robustness.Tests.Harness;

internal static class Yaml
{
    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="value"/>: everything but printable ASCII escaped.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c >= ' ' && c <= '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }
}
