using System;
using System.Collections.Generic;
using System.Text;

namespace ScopeGen.Manifest;

/// <summary>The naming rules of the manifest and their mapping to C# identifiers.</summary>
public static class NameRules
{
    /// <summary>Longest resource, action or preset name; C# limits identifiers, and nobody needs more.</summary>
    public const int MaxNameLength = 128;

    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // Undocumented but reserved by the compiler (and allowed by the identifier rule, which accepts '_').
        "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>Whether <paramref name="name"/> is a valid resource, action or preset name: <c>[A-Za-z][A-Za-z0-9_-]*</c>.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || name.Length > MaxNameLength || !IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The C# identifier of a manifest name: PascalCase, with '-' and '_' as word breaks
    /// (<c>dataTableRow</c> → <c>DataTableRow</c>, <c>api-key</c> → <c>ApiKey</c>). The result starts with an
    /// upper-case letter, so it is never a C# keyword; it is escaped anyway if a future rule makes it one.
    /// </summary>
    public static string ToIdentifier(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (c == '-' || c == '_')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        var identifier = builder.ToString();
        return IsKeyword(identifier) ? "@" + identifier : identifier;
    }

    /// <summary>Whether <paramref name="text"/> is a reserved C# keyword.</summary>
    public static bool IsKeyword(string text) => CSharpKeywords.Contains(text);

    /// <summary>Whether <paramref name="text"/> is a plain (ASCII, unescaped, non-keyword) C# identifier.</summary>
    public static bool IsValidIdentifier(string text)
    {
        if (text.Length == 0 || text.Length > 512 || IsKeyword(text) || !(IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a dotted namespace of valid identifiers.</summary>
    public static bool IsValidNamespace(string text)
    {
        foreach (var part in text.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The candidate closest to <paramref name="input"/> by edit distance (case-insensitive), if it is close
    /// enough to be a likely typo; otherwise null.
    /// </summary>
    public static string? FindClosest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, Math.Min(3, input.Length / 3));
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - input.Length) > limit)
            {
                continue;
            }

            var distance = EditDistance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int EditDistance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
