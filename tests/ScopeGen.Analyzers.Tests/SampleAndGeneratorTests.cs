using System.Collections.Immutable;
using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>The analyzers over the whole N8nApi sample, and together with the generator in one run.</summary>
public class SampleAndGeneratorTests
{
    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ScopeGen.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("ScopeGen.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static List<(string Path, string Text)> SampleSources()
    {
        var root = Path.Combine(RepositoryRoot, "samples", "N8nApi");
        var separator = Path.DirectorySeparatorChar;
        return Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{separator}obj{separator}") && !path.Contains($"{separator}bin{separator}"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(path)))
            .ToList();
    }

    private static Task<AnalysisRun> AnalyzeSampleAsync(List<(string Path, string Text)> sources) =>
        AnalyzerHarness.RunAsync(
            sources.Select(s => s.Text),
            outputKind: OutputKind.ConsoleApplication,
            properties: new Dictionary<string, string> { ["RootNamespace"] = "N8nApi" },
            sourcePaths: sources.Select(s => s.Path));

    [Fact]
    public async Task The_N8nApi_sample_has_no_SCOPE001_or_SCOPE002()
    {
        var sources = SampleSources();
        Assert.True(sources.Count >= 5, "the sample's sources were not found");
        var run = await AnalyzeSampleAsync(sources);
        Assert.Empty(run.Diagnostics.Where(d => d.Id is "SCOPE001" or "SCOPE002" or "SCOPE004"));
    }

    [Fact]
    public async Task The_N8nApi_sample_requires_every_scope_but_the_reserved_one()
    {
        var sources = SampleSources();
        var run = await AnalyzeSampleAsync(sources);
        Assert.Empty(run.Diagnostics.Where(d => d.Id == "SCOPE008").Select(d => d.GetMessage()));

        // Without the endpoints added for them, the 14 scopes they require are orphans, at their manifest lines.
        var without = await AnalyzeSampleAsync(sources.Where(s => !s.Path.EndsWith("N8nInstanceEndpoints.cs", StringComparison.Ordinal))
            .Select(s => s.Path.EndsWith("N8nApiApp.cs", StringComparison.Ordinal) ? (s.Path, s.Text.Replace("app.MapN8nInstanceEndpoints();", string.Empty)) : s).ToList());
        var orphans = without.Diagnostics.Where(d => d.Id == "SCOPE008").ToList();
        Assert.Equal(14, orphans.Count);
        Assert.All(orphans, d => Assert.Equal(AnalyzerHarness.ManifestPath, d.Location.GetLineSpan().Path));
        Assert.Contains(orphans, d => d.GetMessage().Contains("'insights:read'") && d.Location.GetLineSpan().StartLinePosition.Line == 70);
        Assert.DoesNotContain(orphans, d => d.GetMessage().Contains("user:enforceMfa"));
    }

    [Fact]
    public async Task Removing_one_scope_from_the_sample_yields_exactly_one_SCOPE001()
    {
        var sources = SampleSources();
        var controller = sources.FindIndex(s => s.Text.Contains("[RequireScope(", StringComparison.Ordinal) && s.Text.Contains("ControllerBase", StringComparison.Ordinal));
        Assert.True(controller >= 0, "no controller with [RequireScope] in the sample");
        var text = sources[controller].Text;
        var start = text.IndexOf("[RequireScope(", StringComparison.Ordinal);

        // The first [RequireScope] on a method: skip any on the class (before the class declaration's brace).
        var classBody = text.IndexOf('{', text.IndexOf(" class ", StringComparison.Ordinal));
        start = text.IndexOf("[RequireScope(", classBody, StringComparison.Ordinal);
        var end = text.IndexOf(']', start) + 1;
        sources[controller] = (sources[controller].Path, text.Remove(start, end - start));

        var run = await AnalyzeSampleAsync(sources);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "SCOPE001");
        Assert.EndsWith(Path.GetFileName(sources[controller].Path), diagnostic.Location.SourceTree!.FilePath);
        // A controller action is fixed with the attribute.
        Assert.EndsWith("has no scope requirement: add [RequireScope(...)] (or [AllowAnonymous] if it is public)", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Removing_one_RequireScope_call_from_the_sample_yields_exactly_one_SCOPE001()
    {
        var sources = SampleSources();
        var endpoints = sources.FindIndex(s => s.Text.Contains(".RequireScope(Scopes.Tag.Delete)", StringComparison.Ordinal));
        Assert.True(endpoints >= 0, "no .RequireScope(Scopes.Tag.Delete) call in the sample");
        sources[endpoints] = (sources[endpoints].Path, sources[endpoints].Text.Replace(".RequireScope(Scopes.Tag.Delete)", string.Empty));
        var run = await AnalyzeSampleAsync(sources);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "SCOPE001");
        Assert.Equal("Endpoint 'DELETE /{id}' has no scope requirement: add .RequireScope(...) (or .AllowAnonymous() if it is public)", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Generator_and_analyzers_in_one_driver_run()
    {
        var source = EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/tags", () => "x").RequireScope(Scopes.Tag.List);
                    app.MapGet("/users", () => "x");
                }
            }
            """;
        var compilation = ScopeGen.Testing.TestCompilation.Create(new[] { source });
        var manifest = new ScopeGen.Testing.InMemoryAdditionalText(AnalyzerHarness.ManifestPath, AnalyzerHarness.N8nManifest);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ScopeGen.Generator.ScopesGenerator().AsSourceGenerator() },
            new AdditionalText[] { manifest },
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, TestContext.Current.CancellationToken);
        Assert.Empty(generatorDiagnostics);
        Assert.Contains(output.SyntaxTrees, tree => tree.FilePath.EndsWith("n8n.scopes.g.cs", StringComparison.Ordinal));
        Assert.Contains(output.SyntaxTrees, tree => tree.ToString().Contains("class RequireScopeAttribute", StringComparison.Ordinal));

        var analyzers = AnalyzerHarness.AllAnalyzers();
        var diagnostics = await output.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(manifest))).GetAllDiagnosticsAsync(TestContext.Current.CancellationToken);
        var ours = diagnostics.Where(d => d.Id.StartsWith("SCOPE", StringComparison.Ordinal) && d.Id != "SCOPE008").Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line + 1}").ToList();
        Assert.Equal(new[] { "SCOPE004 12", "SCOPE001 13" }, ours.OrderBy(d => d.Split(' ')[1]).ToArray());

        // Every scope but tag:list (required) and user:enforceMfa (reserved) is an orphan, in the manifest.
        var orphans = diagnostics.Where(d => d.Id == "SCOPE008").ToList();
        Assert.Equal(65, orphans.Count);
        Assert.All(orphans, d => Assert.Equal(AnalyzerHarness.ManifestPath, d.Location.GetLineSpan().Path));
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SCOPE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Severity_is_configurable_like_any_rule()
    {
        var source = EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapGet("/users", () => "x");
            }
            """;
        var silenced = await AnalyzerHarness.RunAsync(new[] { source }, configure: c => c.WithOptions(c.Options.WithSpecificDiagnosticOptions(
            c.Options.SpecificDiagnosticOptions.SetItem("SCOPE001", ReportDiagnostic.Suppress))));
        Assert.DoesNotContain(silenced.Diagnostics, d => d.Id == "SCOPE001");

        var editorConfig = AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse("root = true\n[*.cs]\ndotnet_diagnostic.SCOPE001.severity = error\n", "/.editorconfig")));
        var raised = await AnalyzerHarness.RunAsync(new[] { source }, sourcePaths: new[] { "/src/Api.cs" }, configure: c => c.WithOptions(c.Options.WithSyntaxTreeOptionsProvider(new EditorConfigOptions(editorConfig))));
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(raised.Diagnostics, d => d.Id == "SCOPE001").Severity);
    }

    /// <summary>The compiler's view of .editorconfig severities (what the SDK passes with /analyzerconfig).</summary>
    private sealed class EditorConfigOptions(AnalyzerConfigSet set) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }
}
