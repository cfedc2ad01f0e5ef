using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScopeGen.Analyzers;

/// <summary>SCOPE002: a constant scope (or scope-like policy) the manifest does not define, with "did you mean".</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndefinedScopeAnalyzer : ScopeArgumentAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UndefinedScope);

    private protected override void Check(ScopeArgument argument, ScopeIndex index, Action<Diagnostic> report)
    {
        var value = argument.Value!;
        var undefined = argument.Kind == ScopeArgumentKind.Scope
            ? !index.TryGetScope(value, out _)
            : index.LooksLikeScope(value) && !index.IsPolicy(value);
        if (!undefined)
        {
            return;
        }

        var closest = index.FindClosest(value);
        var suggestion = closest is null ? string.Empty : $"; did you mean '{closest.Value}'?";
        var properties = closest is null ? ImmutableDictionary<string, string?>.Empty : ReplacementProperties(closest);
        report(Diagnostic.Create(DiagnosticDescriptors.UndefinedScope, argument.Syntax.GetLocation(), properties, value, suggestion));
    }
}
