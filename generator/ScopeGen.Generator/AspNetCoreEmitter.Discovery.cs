using System.IO;
using System.Text.RegularExpressions;

namespace ScopeGen.Generator;

/// <content>Discovery endpoints (<c>MapScopeDiscovery</c>, RFC 9728 metadata): runtime code from <c>Runtime/ScopeDiscovery.cs</c>.</content>
internal static partial class AspNetCoreEmitter
{
    /// <summary>Hint name of the discovery file.</summary>
    public const string DiscoveryHintName = "ScopeGen-AspNetCore-Discovery.g.cs";

    private static readonly Regex TopLevelInternalType = new(@"^(\s*)internal (sealed class|static class)", RegexOptions.Multiline);

    /// <summary>The runtime file, its top-level types public with <c>ScopeGenPublicApi</c>, and <c>ManifestScopes</c> for the model's classes.</summary>
    public static string EmitDiscovery(AspNetCoreModel model, EmitOptions options)
    {
        var writer = new SourceWriter();
        ScopesEmitter.WriteHeader(writer, options);
        var runtime = ReadRuntime("ScopeDiscovery.cs");
        if (options.PublicApi)
        {
            runtime = TopLevelInternalType.Replace(runtime, "$1public $2");
        }

        foreach (var line in runtime.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
        {
            writer.Line(line);
        }

        writer.Line();
        WriteManifestScopes(writer, model, Access(options));
        return writer.ToString();
    }

    private static void WriteManifestScopes(SourceWriter writer, AspNetCoreModel model, string access)
    {
        writer.Open("namespace ScopeGen.AspNetCore");
        writer.Line("/// <summary>Every scope of every manifest of the project, in catalog order, each once (RFC 9728 <c>scopes_supported</c>).</summary>");
        writer.Line(ScopesEmitter.GeneratedCodeAttribute);
        writer.Open($"{access} static class ManifestScopes");
        writer.Line($"/// <summary>The scope strings.</summary>");
        writer.Line($"public static {ScopesEmitter.IReadOnlyListOfString} All {{ get; }} = Collect();");
        writer.Line();
        writer.Open($"private static {ScopesEmitter.IReadOnlyListOfString} Collect()");
        writer.Line("var seen = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);");
        writer.Line("var scopes = new global::System.Collections.Generic.List<string>();");
        foreach (var scopeClass in model.ScopeClasses)
        {
            writer.Open($"foreach (var scope in global::{scopeClass}.All)");
            writer.Open("if (seen.Add(scope))");
            writer.Line("scopes.Add(scope);");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        writer.Line("return scopes.AsReadOnly();");
        writer.Close();
        writer.Close();
        writer.Close();
    }

    private static string ReadRuntime(string name)
    {
        using var stream = typeof(AspNetCoreEmitter).Assembly.GetManifestResourceStream("ScopeGen.Generator.Runtime." + name)
            ?? throw new System.InvalidOperationException($"The runtime file {name} is missing from the generator assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
