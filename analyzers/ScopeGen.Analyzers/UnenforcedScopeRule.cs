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
    private readonly Compilation compilation;
    private readonly AnalyzerOptions options;
    private Dictionary<SyntaxTree, int>? treeOrder;

    /// <summary>
    /// Files recently found to come after the first use's. They stay after it (the first use only moves earlier),
    /// so a use in one of them is settled by a comparison instead of a lookup. Several, not one: the compiler
    /// completes files in parallel, so the uses of a few files arrive interleaved. Racy writes only cost a lookup.
    /// </summary>
    private readonly SyntaxTree?[] laterTrees = new SyntaxTree?[LaterTreeSlots];
    private const int LaterTreeSlots = 8;
    private int nextLaterTreeSlot;
    private volatile FirstUse? firstUse;
    private int registersScopePolicies;

    public UnenforcedScopeRule(KnownTypes types, Compilation compilation, AnalyzerOptions options)
    {
        this.types = types;
        this.compilation = compilation;
        this.options = options;
    }

    /// <summary>[RequireScope] among the attributes of a type, method, lambda or local function.</summary>
    public void AnalyzeAttributes(in OwnAttributes own)
    {
        if (own.FirstRequireScope is not { } first)
        {
            return;
        }

        if (own.IsFirstRequireScopeTheOnlyOne)
        {
            if (first.ApplicationSyntaxReference is { } only)
            {
                NoteUse(only.SyntaxTree, only.Span);
            }

            return;
        }

        foreach (var data in own.Attributes)
        {
            if ((types.RolesOf(data.AttributeClass) & AttributeRoles.RequireScope) != 0 && data.ApplicationSyntaxReference is { } reference)
            {
                NoteUse(reference.SyntaxTree, reference.Span);
            }
        }
    }

    public void AnalyzeOperation(IOperation operation)
    {
        // Dispatched on the kind first: this runs for every call and object creation of the compilation.
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)operation;
                var method = invocation.TargetMethod;
                switch (method.Name)
                {
                    case "AddScopeAuthorization":
                        Interlocked.Exchange(ref registersScopePolicies, 1);
                        break;
                    case "AddPolicy":
                        NoteOwnPolicy(invocation);
                        break;
                    case KnownTypes.RequireScopeMethodName when KnownTypes.IsRequireScopeMethod(method):
                        var useName = NameSyntax(invocation.Syntax);
                        NoteUse(useName.SyntaxTree, useName.Span);
                        break;
                }

                break;
            case OperationKind.ObjectCreation:
                // Inside an attribute it is the attribute itself or an argument of one, which the symbol's attributes cover.
                var creation = (IObjectCreationOperation)operation;
                if (types.IsRequireScopeAttribute(creation.Type) && creation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is null)
                {
                    NoteUse(creation.Syntax.SyntaxTree, creation.Syntax.Span);
                }

                break;
            case OperationKind.AnonymousFunction or OperationKind.LocalFunction when ScopeArguments.DeclaredFunction(operation) is { } function:
                AnalyzeAttributes(OwnAttributes.Of(function, types));
                break;
        }
    }

    /// <summary>The app registers a policy of that name itself (AuthorizationOptions or AuthorizationBuilder).</summary>
    private void NoteOwnPolicy(IInvocationOperation invocation)
    {
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

        if (firstUse is { } first)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnenforcedScope, Location.Create(first.Tree, first.Span), NoScopeAuthorizationMessage));
        }
    }

    /// <summary>Keeps the first use outside generated files: first file in compilation order, then first position.</summary>
    private void NoteUse(SyntaxTree tree, TextSpan span)
    {
        // Once the app registers the scope policies, no use can fail for want of it.
        if (Volatile.Read(ref registersScopePolicies) != 0)
        {
            return;
        }

        // Read without the lock (the first use only ever moves earlier, and is one object read whole): most uses
        // come after it, in its file or a later one, and change nothing.
        var first = firstUse;
        int order;
        if (first is not null)
        {
            if (tree == first.Tree)
            {
                if (span.Start >= first.Span.Start)
                {
                    return;
                }

                order = first.TreeOrder;
            }
            else if (IsKnownLaterTree(tree))
            {
                return;
            }
            else if ((order = OrderOf(tree)) > first.TreeOrder)
            {
                laterTrees[(int)((uint)Interlocked.Increment(ref nextLaterTreeSlot) % LaterTreeSlots)] = tree;
                return;
            }
        }
        else
        {
            order = OrderOf(tree);
        }

        lock (gate)
        {
            first = firstUse;
            if ((first is null || order < first.TreeOrder || (order == first.TreeOrder && span.Start < first.Span.Start))
                && !GeneratedCode.IsGenerated(tree, options, CancellationToken.None))
            {
                firstUse = new FirstUse(order, tree, span);
            }
        }
    }

    private bool IsKnownLaterTree(SyntaxTree tree)
    {
        foreach (var later in laterTrees)
        {
            if (later == tree)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A file's position in the compilation; the map is made on the first use, so a project without scopes never makes it.</summary>
    private int OrderOf(SyntaxTree tree)
    {
        var order = Volatile.Read(ref treeOrder);
        if (order is null)
        {
            var made = new Dictionary<SyntaxTree, int>();
            foreach (var each in compilation.SyntaxTrees)
            {
                made[each] = made.Count;
            }

            order = Interlocked.CompareExchange(ref treeOrder, made, null) ?? made;
        }

        return order.TryGetValue(tree, out var position) ? position : int.MaxValue;
    }

    /// <summary>The first use so far; one object, so that it is read whole without the lock.</summary>
    private sealed record FirstUse(int TreeOrder, SyntaxTree Tree, TextSpan Span);

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
