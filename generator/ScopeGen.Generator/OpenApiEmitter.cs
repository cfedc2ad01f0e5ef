using Microsoft.CodeAnalysis;

namespace ScopeGen.Generator;

/// <summary>
/// Registers the OpenAPI output: one file, only when the ASP.NET Core helpers are emitted (it builds on
/// <c>ScopeRequirement</c>) and Microsoft.AspNetCore.OpenApi 10 is referenced.
/// </summary>
internal static class OpenApiOutputs
{
    /// <summary>Tracking name of the OpenAPI step, for caching tests.</summary>
    public const string TrackingName = "OpenApi";

    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<AspNetCoreModel> model, IncrementalValueProvider<EmitOptions> emitOptions, IncrementalValueProvider<bool> available)
    {
        var input = model
            .Combine(emitOptions)
            .Combine(available)
            .WithTrackingName(TrackingName);

        context.RegisterSourceOutput(input, static (spc, input) =>
        {
            var ((model, options), isAvailable) = input;
            if (isAvailable && AspNetCoreEmitter.ShouldEmit(options, isAvailable, model))
            {
                spc.AddSource(OpenApiEmitter.HintName, OpenApiEmitter.Emit(model, options));
                foreach (var file in OpenApiEmitter.EmitRuntime(options))
                {
                    spc.AddSource(file.Key, file.Value);
                }
            }
        });
    }
}

/// <summary>
/// Emits ScopeGen's OpenAPI support: the runtime files under Runtime/OpenApi (<c>ScopeOpenApiOptions</c>,
/// <c>ScopeEndpointRequirements</c>, <c>ScopeOpenApiTransformer</c>, <c>options.AddScopeRequirements(...)</c>)
/// and the manifest-dependent half of the transformer: which scopes exist. Depends only on the scope class
/// names: descriptions are read at run time from the generated <c>TryGetDescription</c>, so editing one does
/// not re-emit these files.
/// </summary>
internal static class OpenApiEmitter
{
    /// <summary>Hint name of the manifest-dependent file; '-' keeps it apart from the scope classes' names, as the ASP.NET Core files do.</summary>
    public const string HintName = "ScopeGen-OpenApi.g.cs";

    /// <summary>The runtime files, each as (hint name, source).</summary>
    public static System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> EmitRuntime(EmitOptions options) =>
        AspNetCoreEmitter.EmitRuntime("OpenApi", "ScopeGen-OpenApi.", options);

    /// <summary>The transformer's <c>AddManifestScopes</c>: every class's scopes, first description wins.</summary>
    public static string Emit(AspNetCoreModel model, EmitOptions options)
    {
        var writer = new SourceWriter();
        ScopesEmitter.WriteHeader(writer, options);
        writer.Open("namespace ScopeGen.AspNetCore");
        writer.Open("sealed partial class ScopeOpenApiTransformer");
        writer.Open("static partial void AddManifestScopes(global::System.Collections.Generic.Dictionary<string, string> scopes)");
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
            writer.Line("string description;");
            writer.Open($"if (!scopes.ContainsKey(scope) && {type}.TryGetDescription(scope, out description))");
            writer.Line("scopes.Add(scope, description);");
            writer.Close();
            writer.Close();
        }

        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
