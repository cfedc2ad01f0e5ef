using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ScopeGen.Analyzers.CodeFixes;

/// <summary>
/// SCOPE001: adds <c>[RequireScope(Scopes.R.A)]</c> to the action, or <c>.RequireScope(Scopes.R.A)</c> to the
/// minimal-API call. The inferred scope comes first, then the resource's other scopes, then AllowAnonymous.
/// </summary>
// No [Shared] (System.Composition): the IDE creates the code fixes of an analyzer assembly
// itself, and System.Composition 7.0 (what Roslyn 4.8 loads) is not in the registry to build against.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddScopeRequirementCodeFixProvider))]
public sealed class AddScopeRequirementCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the inferred scope: Fix All gives each endpoint its own inferred scope.</summary>
    public const string InferredKey = "ScopeGen.RequireInferredScope";

    /// <summary>The equivalence key of the AllowAnonymous fix.</summary>
    public const string AllowAnonymousKey = "ScopeGen.AllowAnonymous";

    /// <summary>The prefix of the equivalence key of one specific scope.</summary>
    public const string ScopeKeyPrefix = "ScopeGen.RequireScope:";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.MissingScope.Id);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var target = Target(diagnostic);
            if (target is null)
            {
                continue;
            }

            var (candidates, inferred) = await CandidatesAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            for (var i = 0; i < candidates.Count; i++)
            {
                var scope = candidates[i];
                var key = i == 0 && inferred ? InferredKey : ScopeKeyPrefix + scope.Value;
                var title = target == "Method" ? $"Add [RequireScope({scope.ConstantPath})]" : $"Add .RequireScope({scope.ConstantPath})";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, new[] { (diagnostic, (ScopeEntry?)scope) }, ct), key),
                    diagnostic);
            }

            var anonymousTitle = target == "Method" ? "Add [AllowAnonymous]" : "Add .AllowAnonymous()";
            context.RegisterCodeFix(
                CodeAction.Create(anonymousTitle, ct => FixAsync(context.Document, new[] { (diagnostic, (ScopeEntry?)null) }, ct), AllowAnonymousKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var fixes = new List<(Diagnostic, ScopeEntry?)>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(diagnostic) is null)
            {
                continue;
            }

            var (candidates, inferred) = await CandidatesAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            switch (context.CodeActionEquivalenceKey)
            {
                case AllowAnonymousKey:
                    fixes.Add((diagnostic, null));
                    break;
                case InferredKey when inferred && candidates.Count > 0:
                    fixes.Add((diagnostic, candidates[0]));
                    break;
                case { } key when key.StartsWith(ScopeKeyPrefix, System.StringComparison.Ordinal):
                    var value = key.Substring(ScopeKeyPrefix.Length);
                    if (candidates.FirstOrDefault(c => c.Value == value) is { } chosen)
                    {
                        fixes.Add((diagnostic, chosen));
                    }

                    break;
            }
        }

        return fixes.Count == 0 ? document : await FixAsync(document, fixes, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies fixes to one document; a null scope means AllowAnonymous.</summary>
    private static async Task<Document> FixAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, ScopeEntry? Scope)> fixes, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var imports = new ImportsHelper(model);
        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        foreach (var (diagnostic, scope) in fixes)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var position = diagnostic.Location.SourceSpan.Start;
            if (Target(diagnostic) == "Method" && node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                var attribute = scope is null
                    ? SyntaxFactory.Attribute(SyntaxFactory.ParseName(imports.Qualify(position, "Microsoft.AspNetCore.Authorization", "AllowAnonymousAttribute") + "AllowAnonymous"))
                    : SyntaxFactory.Attribute(
                        SyntaxFactory.ParseName(imports.Qualify(position, scope.Namespace, "RequireScopeAttribute") + "RequireScope"),
                        SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(Constant(imports, position, scope)))));
                editor.ReplaceNode(method, (current, _) => AddAttribute((MethodDeclarationSyntax)current, attribute));
            }
            else if (Target(diagnostic) == "Invocation" && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation)
            {
                string methodName;
                ArgumentListSyntax arguments;
                if (scope is null)
                {
                    imports.Qualify(position, "Microsoft.AspNetCore.Builder", "AuthorizationEndpointConventionBuilderExtensions", isExtensionClass: true);
                    methodName = "AllowAnonymous";
                    arguments = SyntaxFactory.ArgumentList();
                }
                else
                {
                    imports.Qualify(position, "Microsoft.AspNetCore.Builder", "ScopeGenEndpointConventionBuilderExtensions", isExtensionClass: true);
                    methodName = "RequireScope";
                    arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Constant(imports, position, scope))));
                }

                editor.ReplaceNode(invocation, (current, _) =>
                {
                    var call = (ExpressionSyntax)current;
                    return SyntaxFactory.InvocationExpression(
                            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName(methodName)),
                            arguments)
                        .WithTrailingTrivia(call.GetTrailingTrivia());
                });
            }
        }

        return document.WithSyntaxRoot(imports.AddUsings(editor.GetChangedRoot()));
    }

    private static ExpressionSyntax Constant(ImportsHelper imports, int position, ScopeEntry scope)
    {
        var className = scope.ConstantPath.Substring(0, scope.ConstantPath.IndexOf('.'));
        return SyntaxFactory.ParseExpression(imports.Qualify(position, scope.Namespace, className) + scope.ConstantPath);
    }

    /// <summary>Adds an attribute list on its own line, with the method's indentation.</summary>
    private static MethodDeclarationSyntax AddAttribute(MethodDeclarationSyntax method, AttributeSyntax attribute)
    {
        var leading = method.GetLeadingTrivia();
        var indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        var eol = method.DescendantTrivia().Concat(method.GetLeadingTrivia()).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.EndOfLine("\n");
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithTrailingTrivia(newLine);
        if (method.AttributeLists.Count == 0)
        {
            return method.WithLeadingTrivia(indentation).WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(leading)));
        }

        return method.WithAttributeLists(method.AttributeLists.Add(list.WithLeadingTrivia(indentation)));
    }

    /// <summary>
    /// The scopes to offer, best first, and whether the first was inferred from the endpoint (else it is the
    /// resource's first action). Worked out here, when a fix is asked for, from the endpoint the diagnostic
    /// points at: its route and HTTP method (and controller name), matched against the manifest.
    /// </summary>
    private static async Task<(IReadOnlyList<ScopeEntry> Candidates, bool Inferred)> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var none = ((IReadOnlyList<ScopeEntry>)System.Array.Empty<ScopeEntry>(), false);
        if (ScopeIndex.Load(document.Project.AnalyzerOptions, cancellationToken) is not { } index
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || KnownTypes.Create(model.Compilation) is not { } types)
        {
            return none;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        ScopeInference.Result inference;
        if (Target(diagnostic) == "Method" && node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } declaration
            && model.GetDeclaredSymbol(declaration, cancellationToken) is { ContainingType: { } controller } action)
        {
            var (route, verb) = MissingScopeRule.ControllerRoute(controller, action, types);
            inference = ScopeInference.Infer(index, route, verb, controller.Name);
        }
        else if (Target(diagnostic) == "Invocation" && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } call
            && model.GetOperation(call, cancellationToken) is Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation)
        {
            var (route, verb) = MissingScopeRule.MappingRoute(invocation);
            inference = ScopeInference.Infer(index, route, verb, controllerName: null);
        }
        else
        {
            return none;
        }

        return (inference.Candidates, inference.Inferred is not null);
    }

    private static string? Target(Diagnostic diagnostic) =>
        Property(diagnostic, ScopeInference.FixTargetProperty) is "Method" or "Invocation" ? Property(diagnostic, ScopeInference.FixTargetProperty) : null;

    private static string? Property(Diagnostic diagnostic, string name) => diagnostic.Properties.TryGetValue(name, out var value) ? value : null;
}
