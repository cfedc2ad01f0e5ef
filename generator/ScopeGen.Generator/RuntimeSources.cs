using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ScopeGen.Generator;

/// <summary>
/// The C# files under Runtime/ (embedded resources, see Runtime/README.md), ready to emit: leading comment
/// lines dropped, top-level <c>public</c> types given the configured accessibility, the GeneratedCode
/// version filled in. Read once per generator load.
/// </summary>
internal static class RuntimeSources
{
    private const string ResourcePrefix = "ScopeGen.Runtime.";
    private const string GeneratedCodePlaceholder = "[global::System.CodeDom.Compiler.GeneratedCode(\"ScopeGen\", \"runtime\")]";
    private const string TemplateNamespace = "namespace ScopeGen.AspNetCore";

    // A type declared directly inside a namespace block: four spaces, then the modifiers.
    private static readonly Regex TopLevelPublicType = new(@"^    public (?=(?:(?:static|sealed|abstract|partial) )*(?:class|interface|struct|enum|delegate) )", RegexOptions.CultureInvariant);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Files = new(Load);

    // Rendering depends on the file and the accessibility only: done once per generator load, not per run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string Access), string> Rendered = new();

    /// <summary>The file names (e.g. <c>AspNetCore/ScopeRequirement.cs</c>) in <paramref name="folder"/>, ordinal order.</summary>
    public static IReadOnlyList<string> In(string folder) =>
        Files.Value.Keys.Where(name => name.StartsWith(folder + "/", StringComparison.Ordinal)).OrderBy(name => name, StringComparer.Ordinal).ToList();

    /// <summary>The text of <paramref name="name"/> as it is emitted, without the file header.</summary>
    public static string Render(string name, string access) => Rendered.GetOrAdd((name, access), key => RenderUncached(key.Name, key.Access));

    private static string RenderUncached(string name, string access)
    {
        var lines = Files.Value[name].Replace("\r\n", "\n").Split('\n');
        var start = 0;
        while (start < lines.Length && (lines[start].StartsWith("//", StringComparison.Ordinal) || lines[start].Trim().Length == 0))
        {
            start++;
        }

        var output = new List<string>(lines.Length - start);
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim() == GeneratedCodePlaceholder)
            {
                line = line.Substring(0, line.IndexOf('[')) + ScopesEmitter.GeneratedCodeAttribute;
            }
            else if (TopLevelPublicType.IsMatch(line))
            {
                line = "    " + access + line.Substring("    public".Length);
            }

            output.Add(line);
        }

        return string.Join("\n", output).TrimEnd('\n') + "\n";
    }

    /// <summary><see cref="Render"/> with the template namespace replaced by <paramref name="namespace"/> (empty: the global namespace).</summary>
    public static string RenderInNamespace(string name, string access, string @namespace)
    {
        var text = Render(name, access);
        if (@namespace.Length > 0)
        {
            return text.Replace(TemplateNamespace + "\n", "namespace " + @namespace + "\n");
        }

        // The global namespace: drop the namespace line, its braces, and one level of indentation.
        var lines = text.Split('\n').ToList();
        var index = lines.IndexOf(TemplateNamespace);
        lines.RemoveAt(index);
        lines.RemoveAt(index);
        var close = lines.FindLastIndex(line => line == "}");
        lines.RemoveAt(close);
        return string.Join("\n", lines.Select(line => line.StartsWith("    ", StringComparison.Ordinal) ? line.Substring(4) : line));
    }

    private static IReadOnlyDictionary<string, string> Load()
    {
        var assembly = typeof(RuntimeSources).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files.Add(resource.Substring(ResourcePrefix.Length).Replace('\\', '/'), reader.ReadToEnd());
        }

        return files;
    }
}
