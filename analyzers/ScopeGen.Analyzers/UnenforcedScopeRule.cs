using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ScopeGen.Analyzers;

/// <summary>
/// SCOPE004, what fails at run time for want of a registration. Reported once, at compilation end, on the
/// first use (first file in compilation order, then first position). One instance per compilation; thread-safe.
/// <list type="bullet">
/// <item>A scope or preset used as a policy name (<c>RequireAuthorization("readOnly")</c>, <c>[Authorize(Policy =
/// Scopes.X)]</c>) while nothing calls AddScopeAuthorization, the only registration of those policies: the
/// policy is not found (500). MVC's or AddAuthorization's services do not help here.</item>
/// <item>Otherwise, [RequireScope] or .RequireScope() while nothing calls AddScopeAuthorization: their policy
/// names are resolved only by the policy provider it registers, so the endpoint fails with 500 (policy not
/// found). AddAuthorization, AddControllers and their kin register authorization, not that provider.</item>
/// </list>
/// </summary>
/// <remarks>
/// Each use is noted as the callbacks meet it, by its file and span only (no syntax is fetched): per file the
/// earliest. Working the first use out at the end from the syntax instead bound every method body of the
/// file again (a semantic model of its own, nullable analysis included), which was most of this analyzer's
/// time on a module of minimal APIs (bench/RESULTS.md, figure 6).
/// </remarks>
internal sealed class UnenforcedScopeRule
{
    private readonly KnownTypes types;
    private readonly object gate = new();
    private readonly List<(SyntaxNode Syntax, string Policy)> scopePolicyUses = new();
    private readonly HashSet<string> ownPolicies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<SyntaxTree, TextSpan> firstUseByTree = new();
    private int registersScopePolicies;

    public UnenforcedScopeRule(KnownTypes types) => this.types = types;

    /// <summary>[RequireScope] on a type, method, lambda or local function.</summary>
    public void AnalyzeSymbol(ISymbol symbol)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (types.IsRequireScopeAttribute(data.AttributeClass) && data.ApplicationSyntaxReference is { } reference)
            {
                NoteUse(reference.SyntaxTree, reference.Span);
            }
        }
    }

    public void AnalyzeOperation(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "AddScopeAuthorization" }:
                Interlocked.Exchange(ref registersScopePolicies, 1);
                break;
            case IInvocationOperation { TargetMethod.Name: "AddPolicy" } invocation:
                // The app registers a policy of that name itself (AuthorizationOptions or AuthorizationBuilder).
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "name" && argument.Value.ConstantValue is { HasValue: true, Value: string name })
                    {
                        lock (gate)
                        {
                            ownPolicies.Add(name);
                        }
                    }
                }

                break;
            case IAnonymousFunctionOperation or ILocalFunctionOperation when ScopeArguments.DeclaredFunction(operation) is { } function:
                AnalyzeSymbol(function);
                break;
            case IInvocationOperation invocation when KnownTypes.IsRequireScopeMethod(invocation.TargetMethod):
                var useName = NameSyntax(invocation.Syntax);
                NoteUse(useName.SyntaxTree, useName.Span);
                break;
            case IObjectCreationOperation creation when types.IsRequireScopeAttribute(creation.Type) && creation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is null:
                // Inside an attribute it is an attribute argument, which the attribute's own use covers.
                NoteUse(creation.Syntax.SyntaxTree, creation.Syntax.Span);
                break;
        }
    }

    /// <summary>A scope or preset written as a policy name, seen by <see cref="ScopeArgumentRule"/>.</summary>
    public void AnalyzeScopePolicyUse(SyntaxNode syntax, string policy)
    {
        if (Volatile.Read(ref registersScopePolicies) != 0)
        {
            return;
        }

        lock (gate)
        {
            scopePolicyUses.Add((syntax, policy));
        }
    }

    public void AnalyzeCompilationEnd(CompilationAnalysisContext context)
    {
        if (Volatile.Read(ref registersScopePolicies) == 0 && FirstScopePolicyUse(context.Compilation) is { } policyUse)
        {
            var message = $"Policy '{policyUse.Policy}' is registered only by AddScopeAuthorization(), which no code in this project calls, so this endpoint fails with 500 (policy not found)";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnenforcedScope, policyUse.Syntax.GetLocation(), message));
            return;
        }

        if (Volatile.Read(ref registersScopePolicies) != 0)
        {
            return;
        }

        lock (gate)
        {
            if (firstUseByTree.Count == 0)
            {
                return;
            }

            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                if (firstUseByTree.TryGetValue(tree, out var span) && !GeneratedCode.IsGenerated(tree, context.Options, context.CancellationToken))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnenforcedScope, Location.Create(tree, span), NoScopeAuthorizationMessage));
                    return;
                }
            }
        }
    }

    /// <summary>Keeps the earliest use of each file.</summary>
    private void NoteUse(SyntaxTree tree, TextSpan span)
    {
        lock (gate)
        {
            if (!firstUseByTree.TryGetValue(tree, out var first) || span.Start < first.Start)
            {
                firstUseByTree[tree] = span;
            }
        }
    }

    private const string NoScopeAuthorizationMessage =
        "This project requires scopes but no code calls AddScopeAuthorization(), the only registration of the policy provider that resolves [RequireScope] and .RequireScope() (AddAuthorization or AddControllers alone do not), so its scoped endpoints answer 500 (policy not found)";

    /// <summary>The first use of a scope policy (file in compilation order, then position) that the app does not register itself.</summary>
    private (SyntaxNode Syntax, string Policy)? FirstScopePolicyUse(Compilation compilation)
    {
        List<(SyntaxNode Syntax, string Policy)> uses;
        lock (gate)
        {
            uses = scopePolicyUses.Where(use => !ownPolicies.Contains(use.Policy)).ToList();
        }

        if (uses.Count == 0)
        {
            return null;
        }

        var order = new Dictionary<SyntaxTree, int>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            order[tree] = order.Count;
        }

        return uses
            .OrderBy(use => order.TryGetValue(use.Syntax.SyntaxTree, out var position) ? position : int.MaxValue)
            .ThenBy(use => use.Syntax.SpanStart)
            .First();
    }

    private static SyntaxNode NameSyntax(SyntaxNode syntax) =>
        syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name : syntax;
}
