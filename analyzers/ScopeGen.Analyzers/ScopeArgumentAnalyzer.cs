using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScopeGen.Analyzers;

/// <summary>
/// SCOPE002 (a scope, or scope-like policy, the manifest does not define, with "did you mean") and SCOPE003
/// (a defined scope written as a string literal instead of its generated constant). One analyzer for both:
/// they check the same arguments of <c>[RequireScope]</c>, <c>.RequireScope()</c>, <c>[Authorize]</c> and
/// <c>.RequireAuthorization()</c>, and finding those arguments is the whole cost.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property with the constant that replaces the argument, e.g. <c>Scopes.Workflow.Create</c>.</summary>
    public const string ReplacementProperty = "ScopeGen.Replacement";

    /// <summary>The diagnostic property with the namespace of that constant's class (empty for the global namespace).</summary>
    public const string NamespaceProperty = "ScopeGen.Namespace";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UndefinedScope, DiagnosticDescriptors.LiteralScope);

    public override void Initialize(AnalysisContext context)
    {
        // Not run on generated code; its own diagnostics are kept out of generated files by GeneratedCode.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.Create(start.Compilation) is not { } types || ScopeIndex.Load(start.Options, start.CancellationToken) is not { } index)
            {
                return;
            }

            // Attributes of types and methods come from the compiler's attribute data: binding every
            // attribute's syntax again was the largest part of this analyzer's cost.
            start.RegisterSymbolAction(
                c =>
                {
                    var arguments = RentList();
                    ScopeArguments.FromSymbolAttributes(c.Symbol, c.Compilation, types, ref arguments, c.CancellationToken);

                    // Reported here, not through a delegate: a delegate over the context struct boxes it.
                    // An attribute can stand on another (generated) part of a partial declaration.
                    foreach (var argument in arguments!)
                    {
                        if (Check(argument, index) is { } diagnostic && !GeneratedCode.IsGenerated(argument.Syntax.SyntaxTree, c.Options, c.CancellationToken))
                        {
                            c.ReportDiagnostic(diagnostic);
                        }
                    }

                    ReturnList(arguments);
                },
                SymbolKind.NamedType,
                SymbolKind.Method);
            start.RegisterOperationAction(
                c =>
                {
                    var arguments = RentList();
                    if (ScopeArguments.DeclaredFunction(c.Operation) is { } function)
                    {
                        // Lambdas and local functions: their attributes, as for methods above.
                        ScopeArguments.FromSymbolAttributes(function, c.Compilation, types, ref arguments, c.CancellationToken);
                    }
                    else
                    {
                        ScopeArguments.FromOperation(c.Operation, types, ref arguments);
                    }

                    foreach (var argument in arguments!)
                    {
                        if (Check(argument, index) is { } diagnostic)
                        {
                            c.ReportDiagnostic(diagnostic);
                        }
                    }

                    ReturnList(arguments);
                },
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction,
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    /// <summary>
    /// One list per thread, reused by every callback: a list per attributed method was most of what this
    /// analyzer allocated, and in a build every allocation risks paying for a collection of the compiler's heap.
    /// </summary>
    [ThreadStatic]
    private static List<ScopeArgument>? spareList;

    private static List<ScopeArgument> RentList()
    {
        var list = spareList ?? new List<ScopeArgument>();
        spareList = null;
        return list;
    }

    private static void ReturnList(List<ScopeArgument> list)
    {
        if (list.Count <= 64)
        {
            list.Clear();
            spareList = list;
        }
    }

    /// <summary>The SCOPE002 or SCOPE003 diagnostic for one argument, or null.</summary>
    private static Diagnostic? Check(ScopeArgument argument, ScopeIndex index)
    {
        if (argument.Value is not { } value)
        {
            return null;
        }

        if (index.TryGetScope(value, out var scope))
        {
            // A defined scope (also when used as a policy): fine as a constant, SCOPE003 as a literal.
            return argument.IsLiteral
                ? Diagnostic.Create(DiagnosticDescriptors.LiteralScope, argument.Syntax.GetLocation(), ReplacementProperties(scope), scope.ConstantPath, scope.Value)
                : null;
        }

        var undefined = argument.Kind == ScopeArgumentKind.Scope || (index.LooksLikeScope(value) && !index.IsPolicy(value));
        if (!undefined)
        {
            return null;
        }

        var closest = index.FindClosest(value);
        var suggestion = closest is null ? string.Empty : $"; did you mean '{closest.Value}'?";
        var properties = closest is null ? ImmutableDictionary<string, string?>.Empty : ReplacementProperties(closest);
        return Diagnostic.Create(DiagnosticDescriptors.UndefinedScope, argument.Syntax.GetLocation(), properties, value, suggestion);
    }

    private static ImmutableDictionary<string, string?> ReplacementProperties(ScopeEntry scope) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(ReplacementProperty, scope.ConstantPath)
            .Add(NamespaceProperty, scope.Namespace ?? string.Empty);
}
