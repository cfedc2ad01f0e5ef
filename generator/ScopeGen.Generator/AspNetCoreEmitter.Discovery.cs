namespace ScopeGen.Generator;

/// <content>Discovery endpoints (<c>MapScopeDiscovery</c>, RFC 9728 metadata): runtime code from <c>Runtime/ScopeDiscovery.cs</c>.</content>
internal static partial class AspNetCoreEmitter
{
    /// <summary>Hint name of the discovery file.</summary>
    public const string DiscoveryHintName = "ScopeGen-AspNetCore-Discovery.g.cs";

    /// <summary>The runtime file, rendered by <see cref="RuntimeSources"/>, and <c>ManifestScopes</c> for the model's classes.</summary>
    public static string EmitDiscovery(AspNetCoreModel model, EmitOptions options)
    {
        var writer = new SourceWriter();
        ScopesEmitter.WriteHeader(writer, options);
        foreach (var line in RuntimeSources.Render("ScopeDiscovery.cs", Access(options)).TrimEnd('\n').Split('\n'))
        {
            writer.Line(line);
        }

        writer.Line();
        WriteManifestScopes(writer, model);
        return writer.ToString();
    }

    /// <summary><c>ManifestScopes.AddManifestScopes</c>: the scopes of the model's classes, each once.</summary>
    private static void WriteManifestScopes(SourceWriter writer, AspNetCoreModel model)
    {
        writer.Open("namespace ScopeGen.AspNetCore");
        writer.Open("static partial class ManifestScopes");
        writer.Open("static partial void AddManifestScopes(global::System.Collections.Generic.List<string> scopes)");
        writer.Line("var seen = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);");
        foreach (var scopeClass in model.ScopeClasses)
        {
            writer.Open($"foreach (var scope in global::{scopeClass}.All)");
            writer.Open("if (seen.Add(scope))");
            writer.Line("scopes.Add(scope);");
            writer.Close();
            writer.Close();
        }

        writer.Close();
        writer.Close();
        writer.Close();
    }
}
