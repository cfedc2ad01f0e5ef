namespace ScopeGen.Generator;

/// <content>The rename map the scope requirement consults: which strings grant a required scope.</content>
internal static partial class AspNetCoreEmitter
{
    /// <summary>
    /// <c>ScopeRenames</c>: asks every scope class for the former names of a scope. Calls the scope classes'
    /// <c>FormerNamesOf</c> rather than copying the renames, so this file changes only with the set of classes.
    /// </summary>
    private static void WriteScopeRenames(SourceWriter writer, AspNetCoreModel model, string access)
    {
        writer.Open("namespace ScopeGen.AspNetCore");
        writer.Line("/// <summary>The renames of the manifests (<c>renamedFrom</c>): a former scope string grants the scope it was renamed to, and only that one.</summary>");
        writer.Line(ScopesEmitter.GeneratedCodeAttribute);
        writer.Open($"{access} static class ScopeRenames");
        writer.Line("/// <summary>The strings that grant <paramref name=\"scope\"/>: the scope itself, then its former names in every scope class.</summary>");
        writer.Open("public static string[] GrantingStrings(string scope)");
        writer.Line("var strings = new global::System.Collections.Generic.List<string> { scope };");
        foreach (var scopeClass in model.ScopeClasses)
        {
            writer.Open($"foreach (var former in global::{scopeClass}.FormerNamesOf(scope))");
            writer.Open("if (!strings.Contains(former))");
            writer.Line("strings.Add(former);");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        writer.Line("return strings.ToArray();");
        writer.Close();
        writer.Close();
        writer.Close();
    }
}
