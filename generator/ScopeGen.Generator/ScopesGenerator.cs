using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Manifest;

namespace ScopeGen.Generator;

/// <summary>
/// Turns <c>*.scopes.yaml</c> additional files into scope constants, lookups and presets.
/// Pipeline: each manifest is parsed on its own (cached per file), the parsed manifests are merged
/// into classes, and each class is emitted by a pure emitter. Models hold plain values only.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ScopesGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for caching tests.</summary>
    public static class TrackingNames
    {
        /// <summary>One parsed manifest per file.</summary>
        public const string ParsedManifests = nameof(ParsedManifests);

        /// <summary>The MSBuild settings.</summary>
        public const string Settings = nameof(Settings);

        /// <summary>The merged catalog.</summary>
        public const string Catalog = nameof(Catalog);

        /// <summary>What the consumer's compilation supports.</summary>
        public const string EmitOptions = nameof(EmitOptions);

        /// <summary>The ASP.NET Core model, options and availability.</summary>
        public const string AspNetCore = nameof(AspNetCore);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Where(static text => ManifestParser.IsManifestPath(text.Path))
            .Select(static (text, cancellationToken) => Parse(text, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedManifests);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ReadSettings(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var apis = context.CompilationProvider.Select(static (compilation, _) => ReferencedApis.Detect(compilation));

        var emitOptions = context.ParseOptionsProvider
            .Select(static (options, _) => ((CSharpParseOptions)options).LanguageVersion)
            .Combine(apis.Select(static (found, _) => found.HasAuthorizationOptions))
            .Combine(settings)
            .Select(static (input, _) => new EmitOptions(input.Left.Left, input.Left.Right, input.Right.PublicApi))
            .WithTrackingName(TrackingNames.EmitOptions);

        var catalog = parsed
            .Select(static (result, _) => result.Manifest)
            .Where(static manifest => manifest is not null)
            .Collect()
            .Combine(settings)
            .Select(static (input, _) => BuildCatalog(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(parsed, static (spc, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                spc.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(diagnostic));
            }
        });

        context.RegisterSourceOutput(catalog, static (spc, output) =>
        {
            foreach (var diagnostic in output.Diagnostics)
            {
                spc.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(diagnostic));
            }
        });

        context.RegisterSourceOutput(catalog.SelectMany(static (output, _) => output.Classes).Combine(emitOptions), static (spc, input) =>
        {
            var (output, options) = input;
            spc.AddSource(output.HintName, ScopesEmitter.Emit(output.Model, options));
        });

        var aspNetCoreModel = catalog.Select(static (output, _) => AspNetCoreModel.FromCatalog(output));
        RegisterAspNetCoreOutputs(context, aspNetCoreModel, emitOptions, apis.Select(static (found, _) => found.HasAspNetCore));
        OpenApiOutputs.Register(context, aspNetCoreModel, emitOptions, apis.Select(static (found, _) => found.HasOpenApi));
    }

    /// <summary>The ASP.NET Core helpers (see <see cref="AspNetCoreEmitter"/>), only when ASP.NET Core 8+ is referenced.</summary>
    private static void RegisterAspNetCoreOutputs(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<AspNetCoreModel> model, IncrementalValueProvider<EmitOptions> emitOptions, IncrementalValueProvider<bool> available)
    {
        var input = model
            .Combine(emitOptions)
            .Combine(available)
            .WithTrackingName(TrackingNames.AspNetCore);

        context.RegisterSourceOutput(input, static (spc, input) =>
        {
            var ((model, options), isAvailable) = input;
            if (!AspNetCoreEmitter.ShouldEmit(options, isAvailable, model))
            {
                return;
            }

            spc.AddSource(AspNetCoreEmitter.SupportHintName, AspNetCoreEmitter.EmitSupport(model, options));
            foreach (var file in AspNetCoreEmitter.EmitRuntime(options))
            {
                spc.AddSource(file.Key, file.Value);
            }
            spc.AddSource(AspNetCoreEmitter.DiscoveryHintName, AspNetCoreEmitter.EmitDiscovery(model, options));

            foreach (var @namespace in model.AttributeNamespaces)
            {
                spc.AddSource(AspNetCoreEmitter.AttributeHintName(@namespace), AspNetCoreEmitter.EmitAttribute(@namespace, options));
            }
        });
    }

    private static ManifestParseResult Parse(AdditionalText text, CancellationToken cancellationToken)
    {
        var source = text.GetText(cancellationToken);
        if (source is null)
        {
            var diagnostic = ManifestRules.YamlSyntax.Create(text.Path, SourceSpan.FileStart, "The manifest file could not be read");
            return new ManifestParseResult(null, new[] { diagnostic }.ToEquatableArray());
        }

        return ManifestParser.Parse(text.Path, source.ToString());
    }

    private static GeneratorSettings ReadSettings(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        options.TryGetValue("build_property.ScopeGenPublicApi", out var publicApi);
        return new GeneratorSettings(
            string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim(),
            string.Equals(publicApi?.Trim(), "true", StringComparison.OrdinalIgnoreCase));
    }

    private static CatalogOutput BuildCatalog(ImmutableArray<ScopeManifest?> manifests, GeneratorSettings settings)
    {
        var catalog = ScopeCatalog.Build(manifests.Select(manifest => manifest!), settings.RootNamespace);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var outputs = new List<ScopeClassOutput>();
        foreach (var model in catalog.Classes)
        {
            outputs.Add(new ScopeClassOutput(HintName(model, used), model));
        }

        return new CatalogOutput(outputs.ToEquatableArray(), catalog.Diagnostics);
    }

    /// <summary>
    /// Named after the manifest (<c>n8n.scopes.g.cs</c>); when another class already took that name, or
    /// several manifests make the class, after the class instead.
    /// </summary>
    private static string HintName(ScopeClassModel model, HashSet<string> used)
    {
        var candidate = model.ManifestPaths.Count == 1
            ? Sanitize(Path.GetFileNameWithoutExtension(model.ManifestPaths[0])) + ".g.cs"
            : model.FullName + ".g.cs";
        if (!used.Add(candidate))
        {
            candidate = model.FullName + ".g.cs";
            var counter = 2;
            while (!used.Add(candidate))
            {
                candidate = $"{model.FullName}.{counter++}.g.cs";
            }
        }

        return candidate;
    }

    private static string Sanitize(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray());
}
