using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Generator;
using ScopeGen.Testing;
using Xunit.Sdk;

namespace ScopeGen.Analyzers.Tests.Helpers;

/// <summary>
/// Code-fix tests on a real <see cref="AdhocWorkspace"/>: the project holds the sources, the manifest as an
/// additional document and the generator as an analyzer reference, so fixes see the generated Scopes.
/// </summary>
public static class CodeFixHarness
{
    public static Document CreateDocument(string source, string? manifest = null)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "TestProject",
                "TestProject",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: TestCompilation.ParseOptions(),
                metadataReferences: TestCompilation.AspNetCoreReferences,
                analyzerReferences: new AnalyzerReference[] { new GeneratorReference() }))
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "n8n.scopes.yaml", SourceText.From(manifest ?? AnalyzerHarness.N8nManifest), filePath: AnalyzerHarness.ManifestPath);
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Test.cs", SourceText.From(source), filePath: "/project/Test.cs");
        return solution.GetDocument(documentId)!;
    }

    /// <summary>The analyzer's diagnostics in the document (only those with the given IDs, when any are given), in position order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, DiagnosticAnalyzer analyzer, params string[] ids)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new XunitException("The source does not compile:\n" + string.Join("\n", errors));
        }

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Location.SourceTree?.FilePath == document.FilePath && (ids.Length == 0 || ids.Contains(d.Id)))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>The code actions offered for one diagnostic, in order.</summary>
    public static async Task<List<CodeAction>> ActionsAsync(Document document, CodeFixProvider provider, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>Applies an action and returns the changed document's text, checking that it compiles.</summary>
    public static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var changed = solution.GetDocument(document.Id)!;
        await AssertCompilesAsync(changed);
        return (await changed.GetTextAsync()).ToString();
    }

    /// <summary>Runs Fix All in the document with the given equivalence key and returns the text.</summary>
    public static async Task<string> FixAllAsync(Document document, CodeFixProvider provider, DiagnosticAnalyzer analyzer, string equivalenceKey, FixAllScope scope = FixAllScope.Document)
    {
        var diagnostics = await DiagnosticsAsync(document, analyzer);
        var fixable = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
        var context = new FixAllContext(document, provider, scope, equivalenceKey, provider.FixableDiagnosticIds, new FixedDiagnostics(fixable), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        return await ApplyAsync(document, action!);
    }

    private static async Task AssertCompilesAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new XunitException("The fixed source does not compile:\n" + string.Join("\n", errors) + "\n" + (await document.GetTextAsync()));
        }
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }

    /// <summary>The real generator as an analyzer reference, so the workspace runs it like the IDE does.</summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        public override string FullPath => "ScopeGen.Generator";

        public override object Id => "ScopeGen.Generator";

        public override string Display => "ScopeGen.Generator";

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

        // The workspace maps each generator instance back to its reference, so the instance must be stable.
        private readonly ImmutableArray<ISourceGenerator> generators = ImmutableArray.Create(new ScopesGenerator().AsSourceGenerator());

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => generators;

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => GetGenerators(LanguageNames.CSharp);
    }
}
