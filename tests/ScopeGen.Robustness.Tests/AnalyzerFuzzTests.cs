using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using FsCheck.Fluent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScopeGen.Robustness.Tests.Harness;
using ScopeGen.Testing;
using Xunit.Abstractions;

namespace ScopeGen.Robustness.Tests;

/// <summary>
/// Every DiagnosticAnalyzer of ScopeGen.Analyzers, run as the compiler runs them over C# made by
/// mutating the sample API's endpoints and controller (most of it no longer compiles): no analyzer
/// throws (no AD0001, nothing reported to the exception callback).
/// </summary>
public sealed class AnalyzerFuzzTests
{
    public const int Cases = 200;

    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Corpus");
    private static readonly string ManifestText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "n8n.scopes.yaml"));

    /// <summary>Files of the sample whose lines are mutated; the rest of the sample is compiled as is.</summary>
    private static readonly string[] Mutated = { Path.Combine("Endpoints", "N8nEndpoints.cs"), Path.Combine("Controllers", "WorkflowsController.cs") };

    private static readonly string[] Snippets =
    {
        ".RequireScope(Scopes.Workflow.Create)", ".RequireScope(\"workflow:nope\")", ".RequireScope()", ".RequireScope(null!)",
        "[RequireScope(\"\")]", "[RequireScope(Scopes.Workflow.Read, \"x\")]", ".RequireAuthorization()", ".AllowAnonymous()",
        "app.MapGet(\"/x\", () => 1)", "group.MapPost(", "{", "}", "(", ")", ";", "\"", "//", "/*", "@\"", "$\"{", "=>", "?.", "!",
        "nameof(", "Scopes.", "default", "static", "async", "await", "new[] {", "params", "#if X", "#endif", "\u202E",
    };

    private static readonly Lazy<(ImmutableArray<DiagnosticAnalyzer> Analyzers, CSharpCompilation Base, IReadOnlyDictionary<string, string> Corpus)> Setup = new(() =>
    {
        var analyzers = typeof(ScopeGen.Analyzers.ScopeAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        var corpus = Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(CorpusDirectory, path), File.ReadAllText);
        var fixedSources = corpus.Where(pair => !Mutated.Contains(pair.Key)).Select(pair => pair.Value);

        // The scope classes and ASP.NET Core helpers the endpoints use come from the real generator.
        // The sample is a web project with implicit usings.
        var compilation = TestCompilation.Create(fixedSources.Append(CompatibilityMatrixTests.WebGlobalUsings), TestCompilation.AspNetCoreReferences, assemblyName: "N8nApi");
        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText("/sample/n8n.scopes.yaml", ManifestText) }, new Dictionary<string, string> { ["RootNamespace"] = "N8nApi" });
        return (analyzers, (CSharpCompilation)run.Output, corpus);
    });

    private readonly ITestOutputHelper output;

    public AnalyzerFuzzTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void The_analyzers_are_found()
    {
        var (analyzers, baseCompilation, corpus) = Setup.Value;
        output.WriteLine("analyzers: " + string.Join(", ", analyzers.Select(a => a.GetType().Name)));
        Assert.NotEmpty(analyzers);
        Assert.All(Mutated, file => Assert.Contains(file, corpus.Keys));

        // The unmutated sample analyzes without an analyzer exception either.
        var exceptions = Analyze(analyzers, baseCompilation.AddSyntaxTrees(Mutated.Select(file => Parse(corpus[file], file))));
        Assert.Empty(exceptions);
    }

    [Fact]
    public void The_analyzers_never_throw_on_mutated_endpoint_code()
    {
        var (analyzers, baseCompilation, corpus) = Setup.Value;
        var gen = FsCheck.Fluent.Gen.Choose(0, int.MaxValue).Select(seed => Mutate(new System.Random(seed), corpus));
        Properties.Check("mutated endpoint code", gen, Cases, mutated =>
        {
            var compilation = baseCompilation.AddSyntaxTrees(mutated.Files.Select(pair => Parse(pair.Value, pair.Key)));
            var exceptions = Analyze(analyzers, compilation);
            Assert.True(exceptions.Count == 0, string.Join("\n", exceptions));
        }, output);
    }

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions(), path: path);

    /// <summary>AD0001 diagnostics and exceptions reported to the callback.</summary>
    private static List<string> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers, Compilation compilation)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/sample/n8n.scopes.yaml", ManifestText)));
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options, (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(diagnostic.ToString());
        }

        return exceptions.ToList();
    }

    private static MutatedCode Mutate(System.Random random, IReadOnlyDictionary<string, string> corpus)
    {
        var files = new Dictionary<string, string>();
        var applied = new List<string>();
        foreach (var file in Mutated)
        {
            var lines = corpus[file].Replace("\r\n", "\n").Split('\n').ToList();
            for (var count = random.Next(1, 5); count > 0; count--)
            {
                var at = random.Next(lines.Count);
                switch (random.Next(5))
                {
                    case 0:
                        applied.Add($"{file}: delete {at}");
                        lines.RemoveAt(at);
                        break;
                    case 1:
                        applied.Add($"{file}: duplicate {at}");
                        lines.Insert(at, lines[at]);
                        break;
                    case 2:
                        var other = random.Next(lines.Count);
                        applied.Add($"{file}: swap {at} {other}");
                        (lines[at], lines[other]) = (lines[other], lines[at]);
                        break;
                    case 3:
                        var snippet = Snippets[random.Next(Snippets.Length)];
                        var column = random.Next(lines[at].Length + 1);
                        applied.Add($"{file}: insert {snippet} at {at}:{column}");
                        lines[at] = lines[at].Insert(column, snippet);
                        break;
                    default:
                        var cut = random.Next(lines[at].Length + 1);
                        applied.Add($"{file}: truncate {at} at {cut}");
                        lines[at] = lines[at].Substring(0, cut);
                        break;
                }
            }

            files[file] = string.Join("\n", lines);
        }

        return new MutatedCode(files, string.Join("; ", applied));
    }

    private sealed record MutatedCode(IReadOnlyDictionary<string, string> Files, string Mutations)
    {
        public override string ToString() => Mutations;
    }
}
