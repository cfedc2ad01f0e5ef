using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScopeGen.Analyzers;

/// <summary>SCOPE003: a defined scope written as a string literal instead of its generated constant.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LiteralScopeAnalyzer : ScopeArgumentAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.LiteralScope);

    private protected override void Check(ScopeArgument argument, ScopeIndex index, Action<Diagnostic> report)
    {
        if (argument.IsLiteral && index.TryGetScope(argument.Value!, out var scope))
        {
            report(Diagnostic.Create(DiagnosticDescriptors.LiteralScope, argument.Syntax.GetLocation(), ReplacementProperties(scope), scope.ConstantPath, scope.Value));
        }
    }
}
