using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScopeGen.Analyzers;

/// <summary>
/// ScopeGen's analyzer: SCOPE001 (<see cref="MissingScopeRule"/>, <see cref="OtherEndpointsRule"/>), SCOPE002 and SCOPE003
/// (<see cref="ScopeArgumentRule"/>), SCOPE004 (<see cref="UnenforcedScopeRule"/>) SCOPE005-007 (<see cref="ConflictRules"/>) and SCOPE008 (<see cref="OrphanScopeRule"/>).
/// </summary>
/// <remarks>
/// One analyzer with one callback per symbol and per operation, rather than an analyzer per rule: the
/// rules look at the same symbols and calls, and the analyzer driver's cost per callback, paid three
/// times over, was a large part of the total (bench/RESULTS.md, figure 3).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property with the constant that replaces an argument, e.g. <c>Scopes.Workflow.Create</c> (SCOPE002, SCOPE003).</summary>
    public const string ReplacementProperty = "ScopeGen.Replacement";

    /// <summary>The diagnostic property with the namespace of that constant's class (empty for the global namespace).</summary>
    public const string NamespaceProperty = "ScopeGen.Namespace";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MissingScope, DiagnosticDescriptors.UndefinedScope, DiagnosticDescriptors.LiteralScope, DiagnosticDescriptors.UnenforcedScope,
        DiagnosticDescriptors.InterfaceScope, DiagnosticDescriptors.AnonymousOverridesScope, DiagnosticDescriptors.NonEndpointScope, DiagnosticDescriptors.OrphanScope);

    public override void Initialize(AnalysisContext context)
    {
        // Not run on generated code. Its diagnostics are kept out of generated files by GeneratedCode rather
        // than by the driver, which searched every reported file for [GeneratedCode] attributes.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        if (KnownTypes.Create(context.Compilation) is not { } types)
        {
            return;
        }

        // SCOPE004 needs no manifest; the other rules check against it.
        var unenforced = new UnenforcedScopeRule(types, context.Compilation, context.Options);
        var index = ScopeIndex.Load(context.Options, context.CancellationToken);
        var coverage = index is null ? null : new EndpointCoverage(context.Compilation, context.Options, types, index);
        var controllers = types.HasMvc ? coverage : null;
        var mappings = types.HasRouting ? coverage : null;
        var otherEndpoints = OtherEndpointsRule.Create(coverage, context.Options);
        var orphans = index is null ? null : new OrphanScopeRule(index, coverage);

        context.RegisterSymbolAction(
            c =>
            {
                // The symbol's attributes are read once here and handed to every rule (see OwnAttributes).
                var own = OwnAttributes.Of(c.Symbol, types);
                unenforced.AnalyzeAttributes(own);
                if (index is null)
                {
                    return;
                }

                ScopeArgumentRule.AnalyzeSymbol(c, own, types, index, unenforced, orphans);
                if (c.Symbol.Kind == SymbolKind.NamedType)
                {
                    orphans!.AnalyzeType((INamedTypeSymbol)c.Symbol);
                }

                if (controllers is not null)
                {
                    if (c.Symbol.Kind == SymbolKind.Method)
                    {
                        MissingScopeRule.AnalyzeDeclaredAction(c, own, controllers);
                    }
                    else
                    {
                        MissingScopeRule.AnalyzeInheritedActions(c, controllers);
                    }
                }

                if (coverage is not null)
                {
                    if (c.Symbol.Kind == SymbolKind.Method)
                    {
                        ConflictRules.AnalyzeMethod(c, own, coverage);
                    }
                    else
                    {
                        ConflictRules.AnalyzeType(c, own, coverage);
                    }
                }

                if (otherEndpoints is not null)
                {
                    if (c.Symbol.Kind == SymbolKind.Method)
                    {
                        otherEndpoints.AnalyzeMethod(c, own);
                    }
                    else
                    {
                        otherEndpoints.AnalyzeType(c);
                    }
                }
            },
            SymbolKind.NamedType,
            SymbolKind.Method);
        context.RegisterOperationAction(
            c =>
            {
                unenforced.AnalyzeOperation(c.Operation);
                if (index is null)
                {
                    return;
                }

                ScopeArgumentRule.AnalyzeOperation(c, types, index, unenforced, orphans);
                if (c.Operation.Kind == OperationKind.Invocation)
                {
                    orphans!.AnalyzeInvocation((Microsoft.CodeAnalysis.Operations.IInvocationOperation)c.Operation);
                }

                if (mappings is not null && c.Operation.Kind == OperationKind.Invocation)
                {
                    MissingScopeRule.AnalyzeMapping(c, mappings);
                }
            },
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction,
            OperationKind.Invocation,
            OperationKind.ObjectCreation);
        context.RegisterCompilationEndAction(unenforced.AnalyzeCompilationEnd);
        if (orphans is not null)
        {
            context.RegisterCompilationEndAction(orphans.AnalyzeCompilationEnd);
        }
    }
}
