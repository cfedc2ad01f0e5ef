namespace ScopeGen.Generator;

/// <content>The rename map the scope requirement consults: which strings grant a required scope.</content>
internal static partial class AspNetCoreEmitter
{
    /// <summary>
    /// <c>ScopeRenames.AddFormerNames</c> (the runtime half is Runtime/AspNetCore/ScopeRenames.cs): asks every
    /// scope class for the former names of a scope. Calls the scope classes' <c>FormerNamesOf</c> rather than
    /// copying the renames, so this part changes only with the set of classes.
    /// </summary>
    private static void WriteScopeRenames(SourceWriter writer, AspNetCoreModel model)
    {
        writer.Open("namespace ScopeGen.AspNetCore");
        writer.Open("static partial class ScopeRenames");
        writer.Open("static partial void AddFormerNames(string scope, global::System.Collections.Generic.List<string> strings)");
        var first = true;
        foreach (var scopeClass in model.ScopeClasses)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Open($"foreach (var former in global::{scopeClass}.FormerNamesOf(scope))");
            writer.Open("if (!strings.Contains(former))");
            writer.Line("strings.Add(former);");
            writer.Close();
            writer.Close();
        }

        writer.Close();
        writer.Close();
        writer.Close();
    }
}
