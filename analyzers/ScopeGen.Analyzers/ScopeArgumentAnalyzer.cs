using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>
/// The shared plumbing of the analyzers that check scope strings (SCOPE002, SCOPE003): they see every
/// argument of <c>[RequireScope]</c>, <c>.RequireScope()</c>, <c>[Authorize]</c> and <c>.RequireAuthorization()</c>.
/// </summary>
public abstract class ScopeArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property with the constant that replaces the argument, e.g. <c>Scopes.Workflow.Create</c>.</summary>
    public const string ReplacementProperty = "ScopeGen.Replacement";

    /// <summary>The diagnostic property with the namespace of that constant's class (empty for the global namespace).</summary>
    public const string NamespaceProperty = "ScopeGen.Namespace";

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.Create(start.Compilation) is not { } types || ScopeIndex.Load(start.Options, start.CancellationToken) is not { } index)
            {
                return;
            }

            // Attributes of types and methods come from the compiler's attribute data: binding every
            // attribute's syntax again was the largest part of these analyzers' cost.
            start.RegisterSymbolAction(
                c =>
                {
                    var arguments = new List<ScopeArgument>();
                    ScopeArguments.FromSymbolAttributes(c.Symbol, c.Compilation, types, arguments, c.CancellationToken);
                    if (arguments.Count > 0)
                    {
                        // Only now: a method group on the context struct boxes it.
                        Check(arguments, index, c.ReportDiagnostic);
                    }
                },
                SymbolKind.NamedType,
                SymbolKind.Method);
            start.RegisterOperationAction(
                c =>
                {
                    var arguments = new List<ScopeArgument>();
                    if (ScopeArguments.DeclaredFunction(c.Operation) is { } function)
                    {
                        // Lambdas and local functions: their attributes, as for methods above.
                        ScopeArguments.FromSymbolAttributes(function, c.Compilation, types, arguments, c.CancellationToken);
                    }
                    else
                    {
                        ScopeArguments.FromOperation(c.Operation, types, arguments);
                    }

                    if (arguments.Count > 0)
                    {
                        Check(arguments, index, c.ReportDiagnostic);
                    }
                },
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction,
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    private protected abstract void Check(ScopeArgument argument, ScopeIndex index, System.Action<Diagnostic> report);

    private protected static System.Collections.Immutable.ImmutableDictionary<string, string?> ReplacementProperties(ScopeEntry scope) =>
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
            .Add(ReplacementProperty, scope.ConstantPath)
            .Add(NamespaceProperty, scope.Namespace ?? string.Empty);

    private void Check(List<ScopeArgument> arguments, ScopeIndex index, System.Action<Diagnostic> report)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value is not null)
            {
                Check(argument, index, report);
            }
        }
    }
}
