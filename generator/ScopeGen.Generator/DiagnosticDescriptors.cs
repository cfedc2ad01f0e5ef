using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Manifest;

namespace ScopeGen.Generator;

/// <summary>The Roslyn form of the manifest rules: one descriptor per <see cref="ManifestRules"/> entry.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ScopeGen.Manifest";
    // Each id has an anchor in docs/analyzers.md (lower case: #scope101).
    private const string HelpLinkBase = "https://github.com/scopegen/scopegen/blob/main/docs/analyzers.md#";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = ManifestRules.All.ToDictionary(
        rule => rule.Id,
        rule => new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            "{0}",
            Category,
            ToSeverity(rule.Severity),
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + rule.Id.ToLowerInvariant()));

    /// <summary>Every descriptor, in id order.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    /// <summary>The Roslyn diagnostic for a manifest diagnostic, located in the manifest file.</summary>
    public static Diagnostic ToDiagnostic(ManifestDiagnostic diagnostic)
    {
        var span = diagnostic.Span;
        var location = Location.Create(
            diagnostic.FilePath,
            new TextSpan(span.StartOffset, span.Length),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
        return Diagnostic.Create(ById[diagnostic.Id], location, diagnostic.Message);
    }

    private static DiagnosticSeverity ToSeverity(ManifestSeverity severity) => severity switch
    {
        ManifestSeverity.Error => DiagnosticSeverity.Error,
        ManifestSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
