using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
/// While the compilation is analyzed this only notes whether any use and any registration exist, and stops
/// looking for uses after the first. Where the first use is, is worked out at the end, and only when the
/// diagnostic is reported: tracking the first of every use as it went cost more than the rest of the rule.
/// </remarks>
internal sealed class UnenforcedScopeRule
{
    private const string UseName = "RequireScope";

    private readonly KnownTypes types;
    private readonly object gate = new();
    private readonly List<(SyntaxNode Syntax, string Policy)> scopePolicyUses = new();
    private readonly HashSet<string> ownPolicies = new(StringComparer.OrdinalIgnoreCase);
    private int registersScopePolicies;
    private int sawUse;

    public UnenforcedScopeRule(KnownTypes types) => this.types = types;

    /// <summary>[RequireScope] on a type or method.</summary>
    public void AnalyzeSymbol(ISymbol symbol)
    {
        if (Volatile.Read(ref sawUse) != 0)
        {
            return;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (types.IsRequireScopeAttribute(data.AttributeClass))
            {
                Interlocked.Exchange(ref sawUse, 1);
                return;
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
            case IInvocationOperation invocation when Volatile.Read(ref sawUse) == 0 && KnownTypes.IsRequireScopeMethod(invocation.TargetMethod):
                Interlocked.Exchange(ref sawUse, 1);
                break;
            case IObjectCreationOperation creation when Volatile.Read(ref sawUse) == 0 && types.IsRequireScopeAttribute(creation.Type):
                Interlocked.Exchange(ref sawUse, 1);
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

        if (Volatile.Read(ref registersScopePolicies) != 0 || Volatile.Read(ref sawUse) == 0)
        {
            return;
        }

        // Files that never write "RequireScope" are skipped on the first pass; the second pass reads every
        // file, for uses written only through an alias declared elsewhere.
        foreach (var prefilter in new[] { true, false })
        {
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                if ((prefilter && tree.TryGetText(out var text) && !TextSearch.Contains(text, UseName))
                    || GeneratedCode.IsGenerated(tree, context.Options, context.CancellationToken))
                {
                    continue;
                }

                if (FirstUseIn(tree, context.Compilation, context.CancellationToken) is { } first)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnenforcedScope, first.GetLocation(), NoScopeAuthorizationMessage));
                    return;
                }
            }
        }
    }

    /// <summary>The use of a scope requirement that comes first in a file: [RequireScope], .RequireScope(), new RequireScopeAttribute().</summary>
    private SyntaxNode? FirstUseIn(SyntaxTree tree, Compilation compilation, CancellationToken cancellationToken)
    {
#pragma warning disable RS1030 // Runs once, at compilation end, and only when the diagnostic is reported.
        var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        SyntaxNode? first = null;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            SyntaxNode? use = node switch
            {
                AttributeSyntax attribute when types.IsRequireScopeAttribute(model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType) => attribute,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: UseName } or IdentifierNameSyntax { Identifier.ValueText: UseName } } invocation
                    when model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && KnownTypes.IsRequireScopeMethod(method) => NameSyntax(invocation),
                BaseObjectCreationExpressionSyntax creation when creation.FirstAncestorOrSelf<AttributeSyntax>() is null
                    && types.IsRequireScopeAttribute(model.GetTypeInfo(creation, cancellationToken).Type) => creation,
                _ => null,
            };
            if (use is not null && (first is null || use.SpanStart < first.SpanStart))
            {
                first = use;
            }
        }

        return first;
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
