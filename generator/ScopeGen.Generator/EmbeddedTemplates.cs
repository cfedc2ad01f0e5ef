using System;
using System.Collections.Generic;
using System.IO;

namespace ScopeGen.Generator;

/// <summary>
/// The model-independent parts of the scope class (<c>Templates/*.cs</c>), kept as real C# files and
/// embedded in the generator. A template's emitted text is the lines between <c>// &lt;template&gt;</c> and
/// <c>// &lt;/template&gt;</c>, re-indented to where it is written.
/// </summary>
internal static class EmbeddedTemplates
{
    public const string ScopeSet = "ScopeSet.cs";
    public const string Catalog = "Catalog.cs";

    private const string Begin = "// <template>";
    private const string End = "// </template>";

    /// <summary>The marker a template writes where C# 8 nullable annotations go.</summary>
    internal const string NullableMarker = "/*?*/";

    private static readonly Dictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes the template's body at the writer's indentation. With nullable annotations (C# 8+) the
    /// <see cref="NullableMarker"/> becomes <c>?</c>; for C# 7.3 it stays a comment.
    /// </summary>
    public static void Write(SourceWriter writer, string name, bool nullableAnnotations)
    {
        foreach (var line in Body(name))
        {
            writer.Line(nullableAnnotations ? line.Replace(NullableMarker, "?") : line);
        }
    }

    /// <summary>The template's lines between the markers, without the markers' own indentation.</summary>
    internal static string[] Body(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var lines))
            {
                lines = Extract(name, Read(name));
                Cache.Add(name, lines);
            }

            return lines;
        }
    }

    private static string Read(string name)
    {
        var resource = "ScopeGen.Generator.Templates." + name;
        using var stream = typeof(EmbeddedTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The generator assembly lacks the embedded template '{resource}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string[] Extract(string name, string text)
    {
        var all = text.Replace("\r\n", "\n").Split('\n');
        var begin = Array.FindIndex(all, line => line.Trim() == Begin);
        var end = Array.FindIndex(all, line => line.Trim() == End);
        if (begin < 0 || end <= begin)
        {
            throw new InvalidOperationException($"The template '{name}' has no '{Begin}' ... '{End}' block.");
        }

        var indent = all[begin].Length - all[begin].TrimStart().Length;
        var body = new string[end - begin - 1];
        for (var i = 0; i < body.Length; i++)
        {
            var line = all[begin + 1 + i];
            body[i] = line.Length >= indent && line.Substring(0, indent).Trim().Length == 0 ? line.Substring(indent) : line.TrimStart();
        }

        return body;
    }
}
