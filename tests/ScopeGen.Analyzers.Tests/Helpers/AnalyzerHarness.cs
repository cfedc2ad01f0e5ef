using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Testing;
using Xunit.Sdk;

namespace ScopeGen.Analyzers.Tests.Helpers;

/// <summary>The outcome of one generator + analyzers run.</summary>
/// <param name="Generator">The generator run (its output compilation holds the generated sources).</param>
/// <param name="Diagnostics">The analyzers' diagnostics, in location order.</param>
public sealed record AnalysisRun(GeneratorRun Generator, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Runs the real generator, then the analyzers over its output compilation through
/// <see cref="CompilationWithAnalyzers"/>, the way the compiler does in one build.
/// </summary>
public static class AnalyzerHarness
{
    public const string ManifestPath = "/project/n8n.scopes.yaml";

    /// <summary>The reference manifest (namespace N8n.Api).</summary>
    public static string N8nManifest { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "n8n.scopes.yaml"));

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeAnalyzer());

    /// <summary>Generator then analyzers over <paramref name="sources"/>; the sources must compile without errors.</summary>
    public static async Task<AnalysisRun> RunAsync(
        IEnumerable<string> sources,
        string? manifest = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        IReadOnlyDictionary<string, string>? properties = null,
        ImmutableArray<DiagnosticAnalyzer>? analyzers = null,
        IEnumerable<string>? sourcePaths = null,
        Func<CSharpCompilation, CSharpCompilation>? configure = null,
        IReadOnlyDictionary<string, string>? fileOptions = null)
    {
        var sourceList = sources.ToList();
        var compilation = TestCompilation.Create(sourceList, outputKind: outputKind);
        if (sourcePaths is not null)
        {
            var paths = sourcePaths.ToList();
            var trees = compilation.SyntaxTrees.Select((tree, i) => tree.WithFilePath(paths[i])).ToList();
            compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        }

        compilation = configure?.Invoke(compilation) ?? compilation;
        var additional = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(ManifestPath, manifest ?? N8nManifest));
        var generator = GeneratorRunner.Run(compilation, additional, properties);
        var exceptions = new ConcurrentBag<string>();
        var options = new AnalyzerOptions(additional, TestOptionsProvider.FromProperties(properties, fileOptions));
        var analyzerList = analyzers ?? AllAnalyzers();
        var withAnalyzers = generator.Output.WithAnalyzers(
            analyzerList,
            new CompilationWithAnalyzersOptions(options, (exception, analyzer, diagnostic) => exceptions.Add($"{analyzer}: {exception}"), concurrentAnalysis: true, logAnalyzerExecutionTime: false));

        // One pass gives the compiler's and the analyzers' diagnostics: binding the sources and the generated code
        // is most of a test's time, and asking the compilation for its errors first and the analyzers afterwards
        // bound everything twice (measured: about 175 + 175 ms per corpus case, against 160 ms for this one pass).
        // That matters most under mutation testing, where each test runs once per mutant it covers.
        var all = await withAnalyzers.GetAllDiagnosticsAsync();
        var analyzerIds = new HashSet<string>(analyzerList.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id), StringComparer.Ordinal);
        var errors = all.Where(d => !analyzerIds.Contains(d.Id) && d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new XunitException("The test sources do not compile:\n" + string.Join("\n", errors.Take(20)));
        }

        if (!exceptions.IsEmpty)
        {
            throw new XunitException("An analyzer threw:\n" + string.Join("\n", exceptions));
        }

        var diagnostics = all.Where(d => analyzerIds.Contains(d.Id));
        var ordered = diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AnalysisRun(generator, ordered);
    }

    /// <summary>
    /// Runs the analyzers over markup sources and asserts that the diagnostics with the given ids are exactly
    /// the marked ones (<c>{|SCOPE001:text|}</c>): same id, same file, same span.
    /// </summary>
    public static async Task<AnalysisRun> VerifyAsync(
        string[] markupSources,
        string[] ids,
        string? manifest = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        IReadOnlyDictionary<string, string>? properties = null,
        Func<CSharpCompilation, CSharpCompilation>? configure = null)
    {
        var parsed = markupSources.Select((source, index) => Markup.Parse(source, index)).ToList();
        var run = await RunAsync(parsed.Select(p => p.Source), manifest, outputKind, properties, configure: configure);
        var trees = run.Generator.Output.SyntaxTrees.Take(markupSources.Length).ToList();
        var expected = parsed.SelectMany(p => p.Expected)
            .Select(e => Describe(e.Id, trees[e.SourceIndex], e.Span))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var actual = run.Diagnostics
            .Where(d => ids.Contains(d.Id))
            .Select(d => Describe(d.Id, d.Location.SourceTree!, d.Location.SourceSpan) + Message(d))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var actualWithoutMessages = actual.Select(a => a.Split(" -- ")[0]).ToList();
        if (!expected.SequenceEqual(actualWithoutMessages))
        {
            throw new XunitException(
                "Diagnostics differ.\nExpected:\n  " + string.Join("\n  ", expected) +
                "\nActual:\n  " + string.Join("\n  ", actual));
        }

        return run;
    }

    public static Task<AnalysisRun> VerifyAsync(string markupSource, params string[] ids) => VerifyAsync(new[] { markupSource }, ids.Length == 0 ? AllIds : ids);

    public static readonly string[] AllIds = { "SCOPE001", "SCOPE002", "SCOPE003", "SCOPE004" };

    private static string Describe(string id, SyntaxTree tree, TextSpan span)
    {
        var line = tree.GetLineSpan(span).StartLinePosition;
        return $"{id} {Path.GetFileName(tree.FilePath)}({line.Line + 1},{line.Character + 1}) '{tree.GetText().ToString(span)}'";
    }

    private static string Message(Diagnostic diagnostic) => " -- " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
