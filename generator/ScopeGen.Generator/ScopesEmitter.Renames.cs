using System.Linq;
using ScopeGen.Manifest;

namespace ScopeGen.Generator;

/// <content>The former names of renamed scopes (<c>renamedFrom</c>): obsolete constants and lookups.</content>
internal static partial class ScopesEmitter
{
    /// <summary>The former constants that live in the class of <paramref name="resourceIdentifier"/>, a live resource.</summary>
    private static void WriteFormerConstants(SourceWriter writer, ScopeClassModel model, string resourceIdentifier)
    {
        foreach (var rename in model.Renames.Where(r => r.FormerResourceIsLive && r.FormerResourceIdentifier == resourceIdentifier))
        {
            WriteFormerConstant(writer, model, rename);
        }
    }

    /// <summary>One class per resource that exists only in former names, holding its obsolete constants.</summary>
    private static void WriteFormerOnlyResources(SourceWriter writer, ScopeClassModel model)
    {
        foreach (var group in model.Renames.Where(r => !r.FormerResourceIsLive).GroupBy(r => r.FormerResourceIdentifier))
        {
            writer.DocLines("summary", $"Former scopes of the '{group.First().FormerResource}' resource, which the manifest no longer defines; each was renamed.");
            writer.Open($"public static partial class {group.Key}");
            foreach (var rename in group)
            {
                WriteFormerConstant(writer, model, rename);
            }

            writer.Close();
            writer.Line();
        }
    }

    private static void WriteFormerConstant(SourceWriter writer, ScopeClassModel model, RenameModel rename)
    {
        writer.DocLines("summary", $"The former name of '{rename.Current}': keys and tokens holding '{rename.Former}' still satisfy '{rename.Current}' (and nothing else).");
        var message = $"Renamed to '{rename.Current}': use {model.ClassName}.{rename.CurrentConstant}.";
        writer.Line($"[global::System.Obsolete({SourceWriter.Literal(message)})]");
        writer.Line($"public const string {rename.FormerIdentifier} = {SourceWriter.Literal(rename.Former)};");
        writer.Line();
    }

    /// <summary>
    /// The rename data and lookups. The field names start lower-case, so no resource class (upper-case) can
    /// take them; <c>currentIndexOfSortedFormer</c> (the current scope's manifest index) is what the scope
    /// set's hash table maps a former name to.
    /// </summary>
    private static void WriteRenameLookups(SourceWriter writer, ScopeClassModel model, System.Collections.Generic.List<ScopeDefinition> scopes)
    {
        var manifestIndex = new System.Collections.Generic.Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var index = 0; index < scopes.Count; index++)
        {
            manifestIndex[scopes[index].Value] = index;
        }

        // The catalog only keeps renames to a live scope of this class; the filter keeps the three arrays aligned regardless.
        var sorted = model.Renames.Where(r => manifestIndex.ContainsKey(r.Current)).OrderBy(r => r.Former, System.StringComparer.Ordinal).ToList();

        writer.Line($"private static readonly string[] sortedFormerScopes = {ArrayLiteral(sorted.Select(r => r.Former))};");
        writer.Line();
        writer.Line($"private static readonly string[] currentOfSortedFormer = {ArrayLiteral(sorted.Select(r => r.Current))};");
        writer.Line();
        writer.Line($"private static readonly int[] currentIndexOfSortedFormer = {IntArrayLiteral(sorted.Select(r => manifestIndex[r.Current]))};");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Gets the scope that <paramref name=\"scope\"/> was renamed to (the manifest's <c>renamedFrom</c>). Returns");
        writer.Line("/// false, and <paramref name=\"scope\"/> unchanged, when it is not a former name: an exact, case-sensitive match.");
        writer.Line("/// </summary>");
        writer.Open("public static bool TryGetCurrent(string scope, out string current)");
        writer.Line("current = scope;");
        writer.Line("var index = scope == null ? -1 : global::System.Array.BinarySearch(sortedFormerScopes, scope, global::System.StringComparer.Ordinal);");
        writer.Open("if (index < 0)");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Line("current = currentOfSortedFormer[index];");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The current name of <paramref name=\"scope\"/>: the scope it was renamed to, or <paramref name=\"scope\"/> itself.</summary>");
        writer.Open("public static string Normalize(string scope)");
        writer.Line("string current;");
        writer.Line("TryGetCurrent(scope, out current);");
        writer.Line("return current;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The former names of <paramref name=\"scope\"/> (its <c>renamedFrom</c>), in ordinal order; empty when it has none.</summary>");
        writer.Open($"public static {IReadOnlyListOfString} FormerNamesOf(string scope)");
        writer.Line("var formers = new global::System.Collections.Generic.List<string>();");
        writer.Open("for (var i = 0; i < currentOfSortedFormer.Length; i++)");
        writer.Open("if (string.Equals(currentOfSortedFormer[i], scope, global::System.StringComparison.Ordinal))");
        writer.Line("formers.Add(sortedFormerScopes[i]);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return formers.AsReadOnly();");
        writer.Close();
    }
}
