using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScopeGen.Analyzers;

/// <summary>
/// SCOPE002 (a scope, or scope-like policy, the manifest does not define, with "did you mean") and SCOPE003
/// (a defined scope written as a string literal instead of its generated constant): the string arguments of
/// <c>[RequireScope]</c>, <c>.RequireScope()</c>, <c>[Authorize]</c> and <c>.RequireAuthorization()</c>.
/// </summary>
internal static class ScopeArgumentRule
{
    /// <summary>The attributes of a type or method (from the compiler's attribute data, not bound again).</summary>
    public static void AnalyzeSymbol(in SymbolAnalysisContext context, in OwnAttributes own, KnownTypes types, ScopeIndex index, UnenforcedScopeRule unenforced, OrphanScopeRule? orphans = null)
    {
        if (!own.Has(AttributeRoles.RequireScope | AttributeRoles.AuthorizeData))
        {
            return;
        }

        var arguments = RentList();
        ScopeArguments.FromSymbolAttributes(own, context.Compilation, types, ref arguments, context.CancellationToken);

        // An attribute can stand on another (generated) part of a partial declaration.
        foreach (var argument in arguments!)
        {
            orphans?.Use(argument.Value);
            var diagnostic = Check(argument, index);
            var isScopePolicy = IsScopePolicy(argument, index);
            if ((diagnostic is not null || isScopePolicy) && !GeneratedCode.IsGenerated(argument.Syntax.SyntaxTree, context.Options, context.CancellationToken))
            {
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                }

                if (isScopePolicy)
                {
                    unenforced.AnalyzeScopePolicyUse(argument.Syntax, argument.Value!);
                }
            }
        }

        ReturnList(arguments);
    }

    /// <summary>Calls and object creations, and the attributes of lambdas and local functions (symbol actions do not visit them).</summary>
    public static void AnalyzeOperation(in OperationAnalysisContext context, KnownTypes types, ScopeIndex index, UnenforcedScopeRule unenforced, OrphanScopeRule? orphans = null)
    {
        var arguments = RentList();
        if (ScopeArguments.DeclaredFunction(context.Operation) is { } function)
        {
            ScopeArguments.FromSymbolAttributes(function.GetAttributes(), context.Compilation, types, ref arguments, context.CancellationToken);
        }
        else
        {
            ScopeArguments.FromOperation(context.Operation, types, ref arguments);
        }

        foreach (var argument in arguments!)
        {
            orphans?.Use(argument.Value);
            if (Check(argument, index) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }

            // Also a literal scope (SCOPE003 above) names a policy that only AddScopeAuthorization registers.
            if (IsScopePolicy(argument, index))
            {
                unenforced.AnalyzeScopePolicyUse(argument.Syntax, argument.Value!);
            }
        }

        ReturnList(arguments);
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

    /// <summary>A policy name that only AddScopeAuthorization registers (a scope or preset), for SCOPE004.</summary>
    private static bool IsScopePolicy(ScopeArgument argument, ScopeIndex index) =>
        argument.Kind == ScopeArgumentKind.Policy && argument.Value is { } value && index.IsPolicyIgnoringCase(value);

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
            // Any other policy name is the app's own ("AdminOnly"), unless it is one typo away from a preset
            // or scope: then it names no registered policy, and the endpoint fails at run time with a 500.
            return argument.Kind == ScopeArgumentKind.Policy && index.FindClosestPolicy(value) is { } policy
                ? Diagnostic.Create(DiagnosticDescriptors.UndefinedScope, argument.Syntax.GetLocation(), value, "scope or preset", $"; did you mean '{policy}'?")
                : null;
        }

        // A former name is no typo: say what it became, and the code fix offers the new constant.
        var renamed = index.TryGetRenamed(value, out var current);
        var closest = renamed ? current : index.FindClosest(value);
        var suggestion = renamed ? $"; it was renamed to '{current.Value}'" : closest is null ? string.Empty : $"; did you mean '{closest.Value}'?";
        var properties = closest is null ? ImmutableDictionary<string, string?>.Empty : ReplacementProperties(closest);
        return Diagnostic.Create(DiagnosticDescriptors.UndefinedScope, argument.Syntax.GetLocation(), properties, value, "scope", suggestion);
    }

    private static ImmutableDictionary<string, string?> ReplacementProperties(ScopeEntry scope) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(ScopeAnalyzer.ReplacementProperty, scope.ConstantPath)
            .Add(ScopeAnalyzer.NamespaceProperty, scope.Namespace ?? string.Empty);
}
