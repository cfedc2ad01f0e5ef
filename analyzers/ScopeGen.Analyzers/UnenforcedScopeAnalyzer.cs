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
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnenforcedScopeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Calls that register authorization services.</summary>
    private static readonly ImmutableHashSet<string> RegistrationMethods = ImmutableHashSet.Create(
        "AddAuthorization", "AddAuthorizationCore", "AddAuthorizationBuilder", "AddScopeAuthorization");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnenforcedScope);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        if (KnownTypes.Create(context.Compilation) is not { } types)
        {
            return;
        }

        // Syntax nodes, not locations: a location is made only for the one use reported.
        var uses = new ConcurrentBag<SyntaxNode>();
        var registers = 0;
        // [RequireScope] uses from the compiler's attribute data, rather than binding every attribute again.
        void AddAttributeUses(ISymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (types.IsRequireScopeAttribute(data.AttributeClass) && data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax)
                {
                    uses.Add(syntax);
                }
            }
        }

        context.RegisterSymbolAction(c => AddAttributeUses(c.Symbol, c.CancellationToken), SymbolKind.NamedType, SymbolKind.Method);
        context.RegisterOperationAction(
            c =>
            {
                if (ScopeArguments.DeclaredFunction(c.Operation) is { } function)
                {
                    AddAttributeUses(function, c.CancellationToken);
                }
            },
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction);
        context.RegisterOperationAction(
            c =>
            {
                switch (c.Operation)
                {
                    case IInvocationOperation invocation when RegistrationMethods.Contains(invocation.TargetMethod.Name):
                        Interlocked.Exchange(ref registers, 1);
                        break;
                    case IInvocationOperation invocation when KnownTypes.IsRequireScopeMethod(invocation.TargetMethod):
                        uses.Add(NameSyntax(invocation.Syntax));
                        break;
                    case IObjectCreationOperation creation when types.IsRequireScopeAttribute(creation.Type) && creation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is null:
                        uses.Add(creation.Syntax);
                        break;
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);
        context.RegisterCompilationEndAction(c =>
        {
            if (Volatile.Read(ref registers) != 0 || uses.IsEmpty)
            {
                return;
            }

            // The first use in compilation order: one pass, comparing (file index, position).
            var order = new Dictionary<SyntaxTree, int>();
            foreach (var tree in c.Compilation.SyntaxTrees)
            {
                order[tree] = order.Count;
            }

            SyntaxNode? first = null;
            var firstFile = int.MaxValue;
            foreach (var use in uses)
            {
                var file = order.TryGetValue(use.SyntaxTree, out var index) ? index : int.MaxValue;
                if (first is null || file < firstFile || (file == firstFile && use.SpanStart < first.SpanStart))
                {
                    first = use;
                    firstFile = file;
                }
            }

            c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnenforcedScope, first!.GetLocation()));
        });
    }

    private static SyntaxNode NameSyntax(SyntaxNode syntax) =>
        syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name : syntax;
}
