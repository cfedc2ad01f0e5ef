using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>
/// SCOPE004: scope requirements in a project whose code never registers authorization services. Reported
/// once, at compilation end, on the first use (first file in compilation order, then first position).
/// One instance per compilation; thread-safe.
/// </summary>
internal sealed class UnenforcedScopeRule
{
    private readonly KnownTypes types;
    private readonly FirstUse firstUse;
    private int registers;

    public UnenforcedScopeRule(Compilation compilation, AnalyzerOptions options, KnownTypes types)
    {
        this.types = types;

        // Only the first use is ever reported, so only the first is kept: collecting every use cost more
        // than all the rest of this rule.
        firstUse = new FirstUse(compilation, options);
    }

    /// <summary>[RequireScope] uses, from the compiler's attribute data rather than binding every attribute again.</summary>
    public void AnalyzeSymbol(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (types.IsRequireScopeAttribute(data.AttributeClass) && data.ApplicationSyntaxReference is { } reference)
            {
                firstUse.Add(reference, cancellationToken);
            }
        }
    }

    public void AnalyzeOperation(IOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IAnonymousFunctionOperation or ILocalFunctionOperation when ScopeArguments.DeclaredFunction(operation) is { } function:
                AnalyzeSymbol(function, cancellationToken);
                break;
            case IInvocationOperation invocation when IsRegistrationMethod(invocation.TargetMethod.Name):
                Interlocked.Exchange(ref registers, 1);
                break;
            case IInvocationOperation invocation when KnownTypes.IsRequireScopeMethod(invocation.TargetMethod):
                firstUse.Add(NameSyntax(invocation.Syntax));
                break;
            case IObjectCreationOperation creation when types.IsRequireScopeAttribute(creation.Type) && creation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is null:
                firstUse.Add(creation.Syntax);
                break;
        }
    }

    public void AnalyzeCompilationEnd(CompilationAnalysisContext context)
    {
        if (Volatile.Read(ref registers) == 0 && firstUse.Node is { } first)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnenforcedScope, first.GetLocation()));
        }
    }

    private static bool IsRegistrationMethod(string name) =>
        name is "AddAuthorization" or "AddAuthorizationCore" or "AddAuthorizationBuilder" or "AddScopeAuthorization";

    /// <summary>The first of the uses seen, in compilation order (file, then position); thread-safe.</summary>
    private sealed class FirstUse
    {
        private readonly Compilation compilation;
        private readonly AnalyzerOptions options;
        private readonly object gate = new();
        private Dictionary<SyntaxTree, int>? fileOrder;
        private long firstKey = long.MaxValue;

        public FirstUse(Compilation compilation, AnalyzerOptions options)
        {
            this.compilation = compilation;
            this.options = options;
        }

        public SyntaxNode? Node { get; private set; }

        public void Add(SyntaxReference reference, CancellationToken cancellationToken)
        {
            // The reference knows its tree and span: the node is fetched only for a new first use.
            // An attribute can stand on a generated part of a partial declaration: such a use does not count.
            var key = Key(reference.SyntaxTree, reference.Span.Start);
            if (key < Interlocked.Read(ref firstKey) && !GeneratedCode.IsGenerated(reference.SyntaxTree, options, cancellationToken))
            {
                Set(key, reference.GetSyntax(cancellationToken));
            }
        }

        public void Add(SyntaxNode node)
        {
            var key = Key(node.SyntaxTree, node.SpanStart);
            if (key < Interlocked.Read(ref firstKey))
            {
                Set(key, node);
            }
        }

        private void Set(long key, SyntaxNode node)
        {
            lock (gate)
            {
                if (key < firstKey)
                {
                    Node = node;
                    Interlocked.Exchange(ref firstKey, key);
                }
            }
        }

        private long Key(SyntaxTree tree, int position) => ((long)FileIndex(tree) << 32) | (uint)position;

        private int FileIndex(SyntaxTree tree)
        {
            var order = Volatile.Read(ref fileOrder);
            if (order is null)
            {
                order = new Dictionary<SyntaxTree, int>();
                foreach (var each in compilation.SyntaxTrees)
                {
                    order[each] = order.Count;
                }

                Interlocked.CompareExchange(ref fileOrder, order, null);
                order = fileOrder!;
            }

            return order.TryGetValue(tree, out var index) ? index : int.MaxValue;
        }
    }

    private static SyntaxNode NameSyntax(SyntaxNode syntax) =>
        syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name : syntax;
}
