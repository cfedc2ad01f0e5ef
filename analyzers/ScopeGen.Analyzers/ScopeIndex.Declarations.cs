using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Manifest;

namespace ScopeGen.Analyzers;

/// <summary>Where a scope is declared in its manifest, for diagnostics about the scope itself (SCOPE008).</summary>
/// <param name="Value">The scope.</param>
/// <param name="Path">The manifest's path.</param>
/// <param name="Span">The action's name in the manifest.</param>
/// <param name="IsReserved">Whether the manifest marks it <c>reserved: true</c>.</param>
internal sealed record ScopeDeclaration(string Value, string Path, SourceSpan Span, bool IsReserved)
{
    /// <summary>The location of the action's name in the manifest file.</summary>
    public Location Location => Location.Create(
        Path,
        TextSpan.FromBounds(Span.StartOffset, Math.Max(Span.StartOffset, Span.EndOffset)),
        new LinePositionSpan(new LinePosition(Span.StartLine, Span.StartColumn), new LinePosition(Span.EndLine, Span.EndColumn)));
}

internal sealed partial class ScopeIndex
{
    /// <summary>Every scope the catalog keeps, where it is declared, in manifest order.</summary>
    public IReadOnlyList<ScopeDeclaration> Declarations { get; private init; } = Array.Empty<ScopeDeclaration>();

    /// <summary>The scopes of each preset, expanded.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PresetScopes { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();

    private static IReadOnlyList<ScopeDeclaration> DeclarationsOf(List<ScopeManifest> manifests, ScopeCatalog catalog)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in catalog.Classes)
        {
            foreach (var resource in model.Resources)
            {
                foreach (var scope in resource.Scopes)
                {
                    kept.Add(scope.Value);
                }
            }
        }

        // The first declaration of each scope the catalog kept (a duplicate is SCOPE102, reported elsewhere).
        var declarations = new List<ScopeDeclaration>();
        foreach (var manifest in manifests)
        {
            foreach (var resource in manifest.Resources)
            {
                foreach (var action in resource.Actions)
                {
                    var value = resource.Name + manifest.Separator + action.Name;
                    if (kept.Remove(value))
                    {
                        declarations.Add(new ScopeDeclaration(value, manifest.FilePath, action.NameSpan, action.IsReserved));
                    }
                }
            }
        }

        return declarations;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> PresetScopesOf(ScopeCatalog catalog)
    {
        var presets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var model in catalog.Classes)
        {
            foreach (var preset in model.Presets)
            {
                if (!presets.ContainsKey(preset.Name))
                {
                    presets.Add(preset.Name, new List<string>(preset.Scopes));
                }
            }
        }

        return presets;
    }
}
