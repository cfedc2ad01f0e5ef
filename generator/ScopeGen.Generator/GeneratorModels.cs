using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Manifest;

namespace ScopeGen.Generator;

/// <summary>The MSBuild properties the generator reads (see build/ScopeGen.props).</summary>
/// <param name="RootNamespace">The project's root namespace, the default for manifests that set none.</param>
/// <param name="PublicApi">Whether the ASP.NET Core helpers are public (<c>ScopeGenPublicApi=true</c>).</param>
internal sealed record GeneratorSettings(string? RootNamespace, bool PublicApi);

/// <summary>What the emitted code may use of the consumer's compiler and references.</summary>
/// <param name="LanguageVersion">The consumer's C# version.</param>
/// <param name="HasAspNetCoreAuthorization">Whether ASP.NET Core authorization is referenced.</param>
/// <param name="PublicApi">Whether the ASP.NET Core helpers are public.</param>
internal sealed record EmitOptions(LanguageVersion LanguageVersion, bool HasAspNetCoreAuthorization, bool PublicApi)
{
    /// <summary><c>#nullable</c> needs C# 8.</summary>
    public bool SupportsNullable => LanguageVersion >= LanguageVersion.CSharp8;
}

/// <summary>One generated file for one scope class.</summary>
internal sealed record ScopeClassOutput(string HintName, ScopeClassModel Model);

/// <summary>The merged catalog, cut into outputs: one per class, plus the diagnostics found across manifests.</summary>
internal sealed record CatalogOutput(EquatableArray<ScopeClassOutput> Classes, EquatableArray<ManifestDiagnostic> Diagnostics);
