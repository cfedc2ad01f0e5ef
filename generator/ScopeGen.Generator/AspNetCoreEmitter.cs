using System.Collections.Generic;

namespace ScopeGen.Generator;

/// <summary>
/// Emits the ASP.NET Core side of ScopeGen: the runtime files under Runtime/AspNetCore (requirement,
/// handler, policy provider, options, <c>.RequireScope(...)</c>, <c>AddScopeAuthorization()</c>), one
/// <c>RequireScopeAttribute</c> per scope-class namespace, and the one model-dependent part, the manifest's
/// named policies. Pure functions of their model.
/// </summary>
internal static partial class AspNetCoreEmitter
{
    /// <summary>
    /// Hint name of the manifest-dependent file; the runtime files get <c>ScopeGen-AspNetCore.{Type}.g.cs</c>.
    /// The '-' keeps every ASP.NET Core hint name apart from the scope classes' (dotted identifiers, or
    /// manifest names ending in <c>.scopes.g.cs</c>).
    /// </summary>
    public const string SupportHintName = "ScopeGen-AspNetCore.g.cs";

    private const string RuntimeFolder = "AspNetCore";
    private const string AttributeFile = "AspNetCore/RequireScopeAttribute.cs";

    /// <summary>Whether the consumer gets the ASP.NET Core code at all.</summary>
    public static bool ShouldEmit(EmitOptions options, bool aspNetCoreAvailable, AspNetCoreModel model) =>
        options.HasAspNetCoreAuthorization &&
        aspNetCoreAvailable &&
        options.LanguageVersion >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8 &&
        model.ScopeClasses.Count > 0;

    public static string AttributeHintName(string @namespace) =>
        "RequireScopeAttribute-" + (@namespace.Length == 0 ? "global" : @namespace) + ".g.cs";

    /// <summary>The runtime files, each as (hint name, source).</summary>
    public static IEnumerable<KeyValuePair<string, string>> EmitRuntime(EmitOptions options) => EmitRuntime(RuntimeFolder, "ScopeGen-AspNetCore.", options, AttributeFile);

    /// <summary>The files of <paramref name="folder"/> (but <paramref name="except"/>), each as (hint name, source).</summary>
    internal static IEnumerable<KeyValuePair<string, string>> EmitRuntime(string folder, string hintPrefix, EmitOptions options, string? except = null)
    {
        foreach (var file in RuntimeSources.In(folder))
        {
            if (file == except)
            {
                continue;
            }

            var writer = new SourceWriter();
            ScopesEmitter.WriteHeader(writer, options);
            var name = System.IO.Path.GetFileNameWithoutExtension(file);
            yield return new KeyValuePair<string, string>(hintPrefix + name + ".g.cs", writer + RuntimeSources.Render(file, Access(options)));
        }
    }

    /// <summary>The manifest's named policies: the generator's half of <c>ScopeGenServiceCollectionExtensions</c>.</summary>
    public static string EmitSupport(AspNetCoreModel model, EmitOptions options)
    {
        var writer = new SourceWriter();
        ScopesEmitter.WriteHeader(writer, options);
        writer.Open("namespace Microsoft.Extensions.DependencyInjection");
        writer.Open("static partial class ScopeGenServiceCollectionExtensions");
        writer.Open("static partial void AddManifestPolicies(global::ScopeGen.AspNetCore.ScopeNamedPolicies policies)");
        var first = true;
        foreach (var scopeClass in model.ScopeClasses)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var type = "global::" + scopeClass;
            writer.Open($"foreach (var scope in {type}.All)");
            writer.Line("policies.Add(scope, new[] { scope });");
            writer.Close();
            writer.Line();
            writer.Open($"foreach (var preset in {type}.Presets.Names)");
            writer.Line($"{ScopesEmitter.IReadOnlyListOfString} presetScopes;");
            writer.Open($"if ({type}.Presets.TryGetScopes(preset, out presetScopes))");
            writer.Line("policies.Add(preset, presetScopes);");
            writer.Close();
            writer.Close();
        }

        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();
        WriteScopeRenames(writer, model);
        return writer.ToString();
    }

    /// <summary><c>RequireScopeAttribute</c> in <paramref name="namespace"/> (empty: the global namespace).</summary>
    public static string EmitAttribute(string @namespace, EmitOptions options)
    {
        var writer = new SourceWriter();
        ScopesEmitter.WriteHeader(writer, options);
        return writer + RuntimeSources.RenderInNamespace(AttributeFile, Access(options), @namespace);
    }

    internal static string Access(EmitOptions options) => options.PublicApi ? "public" : "internal";
}
