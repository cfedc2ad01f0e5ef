using System;
using System.Collections.Generic;
using System.Text;

namespace ScopeGen.Benchmarks;

/// <summary>Deterministic synthetic inputs: manifests of any size and large endpoint compilations.</summary>
public static class SyntheticInputs
{
    private static readonly string[] Actions = { "create", "read", "list", "update", "delete", "move", "activate", "archive", "export", "share" };
    private static readonly string[] Words = { "workflow", "credential", "table", "row", "column", "project", "folder", "tag", "user", "variable", "execution", "audit" };

    /// <summary>A manifest of <paramref name="resources"/> × <paramref name="actionsPerResource"/> scopes, with descriptions and presets.</summary>
    public static string Manifest(int resources, int actionsPerResource, int seed = 42)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(resources * actionsPerResource * 64);
        builder.Append("version: 1\nnamespace: Bench.Api\nresources:\n");
        for (var r = 0; r < resources; r++)
        {
            builder.Append("  ").Append(ResourceName(r)).Append(":\n");
            builder.Append("    description: Scopes of resource number ").Append(r).Append(".\n");
            builder.Append("    actions:\n");
            for (var a = 0; a < actionsPerResource; a++)
            {
                builder.Append("      ").Append(ActionName(a)).Append(": ")
                    .Append(Sentence(random)).Append('\n');
            }
        }

        builder.Append("presets:\n  readOnly:\n    description: Reads.\n    scopes: [\"*:read\", \"*:list\"]\n");
        builder.Append("  full:\n    scopes: [\"*\"]\n");
        builder.Append("  first:\n    scopes: [\"").Append(ResourceName(0)).Append(":*\"]\n");
        return builder.ToString();
    }

    public static string ResourceName(int index) => Words[index % Words.Length] + (index / Words.Length == 0 ? string.Empty : (index / Words.Length).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string ActionName(int index) => index < Actions.Length ? Actions[index] : Actions[index % Actions.Length] + (index / Actions.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Sentence(Random random)
    {
        var words = new List<string>();
        var count = random.Next(3, 12);
        for (var i = 0; i < count; i++)
        {
            words.Add(Words[random.Next(Words.Length)]);
        }

        var text = string.Join(" ", words);
        return char.ToUpperInvariant(text[0]) + text.Substring(1) + ".";
    }
}
