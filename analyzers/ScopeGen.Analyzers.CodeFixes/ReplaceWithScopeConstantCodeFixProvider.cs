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
/// SCOPE002: replaces an undefined scope with the suggested scope's constant. SCOPE003: replaces a
/// literal scope with its constant. Adds the <c>using</c> when needed.
/// </summary>
// No [Shared] (System.Composition): the IDE creates the code fixes of an analyzer assembly
// itself, and System.Composition 7.0 (what Roslyn 4.8 loads) is not in the registry to build against.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceWithScopeConstantCodeFixProvider))]
public sealed class ReplaceWithScopeConstantCodeFixProvider : CodeFixProvider
{
    public const string UseConstantKey = "ScopeGen.UseScopeConstant";

    public const string UseSuggestionKey = "ScopeGen.UseSuggestedScope";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UndefinedScope.Id, DiagnosticDescriptors.LiteralScope.Id);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var id = context.CodeActionEquivalenceKey == UseConstantKey ? DiagnosticDescriptors.LiteralScope.Id : DiagnosticDescriptors.UndefinedScope.Id;
        var chosen = diagnostics.Where(d => d.Id == id && Replacement(d) is not null).ToList();
        return chosen.Count == 0 ? document : await FixAsync(document, chosen, context.CancellationToken).ConfigureAwait(false);
    });

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Replacement(diagnostic) is not { } replacement)
            {
                continue;
            }

            var isLiteral = diagnostic.Id == DiagnosticDescriptors.LiteralScope.Id;
            var title = isLiteral ? $"Use {replacement}" : $"Replace with {replacement}";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(context.Document, new[] { diagnostic }, ct), isLiteral ? UseConstantKey : UseSuggestionKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var imports = new ImportsHelper(model);
        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        foreach (var diagnostic in diagnostics)
        {
            var replacement = Replacement(diagnostic)!;
            var ns = diagnostic.Properties.TryGetValue(ScopeAnalyzer.NamespaceProperty, out var value) && !string.IsNullOrEmpty(value) ? value : null;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                continue;
            }

            var prefix = imports.Qualify(diagnostic.Location.SourceSpan.Start, ns, replacement.Substring(0, replacement.IndexOf('.')));
            editor.ReplaceNode(expression, (current, _) => SyntaxFactory.ParseExpression(prefix + replacement).WithTriviaFrom(current));
        }

        return document.WithSyntaxRoot(imports.AddUsings(editor.GetChangedRoot()));
    }

    private static string? Replacement(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(ScopeAnalyzer.ReplacementProperty, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
