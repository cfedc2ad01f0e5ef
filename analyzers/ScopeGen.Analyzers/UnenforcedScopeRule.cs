using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>
/// SCOPE004: scope requirements in a project whose code never registers authorization services. Reported
/// once, at compilation end, on the first use (first file in compilation order, then first position).
/// One instance per compilation; thread-safe.
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
    private int registers;
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
            case IInvocationOperation invocation when IsRegistrationMethod(invocation.TargetMethod.Name):
                Interlocked.Exchange(ref registers, 1);
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

    public void AnalyzeCompilationEnd(CompilationAnalysisContext context)
    {
        if (Volatile.Read(ref registers) != 0 || Volatile.Read(ref sawUse) == 0)
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
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnenforcedScope, first.GetLocation()));
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

    private static bool IsRegistrationMethod(string name) =>
        name is "AddAuthorization" or "AddAuthorizationCore" or "AddAuthorizationBuilder" or "AddScopeAuthorization";

    private static SyntaxNode NameSyntax(SyntaxNode syntax) =>
        syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name : syntax;
}
