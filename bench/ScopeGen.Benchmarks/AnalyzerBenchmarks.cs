using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Generator;
using ScopeGen.Testing;

namespace ScopeGen.Benchmarks;

/// <summary>
/// Figure 3: ScopeGen's analyzers on a large compilation (1,000 controllers × 5 actions plus 1,000
/// minimal-API endpoints), against the compilation's own <c>GetDiagnostics()</c>. Each invocation
/// starts from a fresh compilation so nothing bound earlier is reused.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private LargeCompilation input = null!;

    [GlobalSetup]
    public void Setup() => input = LargeCompilation.Create();

    /// <summary>The compiler's own diagnostics: what every build pays anyway.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerDiagnostics() => input.Fresh().GetDiagnostics().Length;

    /// <summary>The compiler's diagnostics, then every ScopeGen analyzer on the same compilation, as a build runs them.</summary>
    [Benchmark]
    public int CompilerThenScopeGenAnalyzers()
    {
        var compilation = input.Fresh();
        var compilerDiagnostics = compilation.GetDiagnostics().Length;
        return compilerDiagnostics + compilation.WithAnalyzers(input.Analyzers, input.Options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }
}

/// <summary>The synthetic endpoint compilation, with the generator's output already added.</summary>
public sealed class LargeCompilation
{
    private static readonly string[] Resources = { "Workflow", "Credential", "Tag", "Variable", "Project" };

    private readonly IReadOnlyList<SyntaxTree> trees;
    private readonly IReadOnlyList<MetadataReference> references;

    private LargeCompilation(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        this.trees = trees;
        this.references = references;
        Analyzers = analyzers;
        Options = options;
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>The no-op analyzer's execution time in the fastest run: the driver's own floor.</summary>
    public TimeSpan Floor { get; private set; }

    /// <summary>Each analyzer's fastest execution time over the measured runs.</summary>
    public Dictionary<string, TimeSpan> PerAnalyzer { get; } = new();

    public AnalyzerOptions Options { get; }

    public int EndpointCount { get; private set; }

    public CSharpCompilation Fresh() => CSharpCompilation.Create(
        "Large",
        trees,
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// The synthetic compilation. With <paramref name="withFindings"/>, one endpoint in ten has no scope
    /// (751 warnings: a project before it adopts ScopeGen); without, every endpoint is covered (the steady state).
    /// </summary>
    public static LargeCompilation Create(int controllers = 1_000, int actionsPerController = 5, int minimalEndpoints = 1_000, bool withFindings = true)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var sources = new List<SyntaxTree>();
        for (var c = 0; c < controllers; c++)
        {
            sources.Add(CSharpSyntaxTree.ParseText(Controller(c, actionsPerController, withFindings), parseOptions, path: $"Controllers/Items{c}Controller.cs"));
        }

        sources.Add(CSharpSyntaxTree.ParseText(MinimalApi(minimalEndpoints, withFindings), parseOptions, path: "Endpoints.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();

        var manifest = new InMemoryAdditionalText("/bench/n8n.scopes.yaml", File.ReadAllText(GeneratorBenchmarks.FindRepoFile("manifest/n8n.scopes.yaml")));
        var optionsProvider = TestOptionsProvider.FromProperties(new Dictionary<string, string> { ["RootNamespace"] = "Bench" });
        var compilation = CSharpCompilation.Create("Large", sources, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new[] { new ScopesGenerator().AsSourceGenerator() }, new[] { manifest }, parseOptions, optionsProvider)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        if (generatorDiagnostics.Length > 0)
        {
            throw new InvalidOperationException("The generator reported: " + generatorDiagnostics[0]);
        }

        var analyzers = typeof(ScopeGen.Analyzers.ScopeAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        var result = new LargeCompilation(generated.SyntaxTrees.ToList(), references, analyzers, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(manifest), optionsProvider));
        result.EndpointCount = controllers * actionsPerController + minimalEndpoints;
        var errors = result.Fresh().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic compilation does not compile: " + errors[0]);
        }

        return result;
    }

    /// <summary>
    /// Measures the analyzers' own execution time with Roslyn's execution-time reporting, against
    /// <c>GetDiagnostics()</c> of the same fresh compilation; the medians of <paramref name="runs"/> runs.
    /// The analyzers run after <c>GetDiagnostics()</c>, as they share the compiler's symbols in a build:
    /// binding that the compiler does anyway is not charged to them.
    /// </summary>
    public (TimeSpan Compiler, TimeSpan Analyzers, int ScopeGenDiagnostics) MeasureAnalyzerTime(int runs)
    {
        var compilerTimes = new List<TimeSpan>();
        var analyzerTimes = new List<TimeSpan>();
        var diagnostics = 0;
        for (var run = 0; run < runs; run++)
        {
            var compilation = Fresh();
            Settle();
            var stopwatch = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            compilerTimes.Add(stopwatch.Elapsed);

            // Each side starts from a settled heap, so neither pays for the other's garbage.
            Settle();

            var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var pausedBefore = GC.GetTotalPauseDuration();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var analysis = Stopwatch.StartNew();
            diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
            var analysisAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var analysisTime = analysis.Elapsed;
            var analysisPauses = GC.GetTotalPauseDuration() - pausedBefore;

            Settle();
            var floorRun = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()), new CompilationWithAnalyzersOptions(Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            floorRun.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var floorAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (Environment.GetEnvironmentVariable("SCOPEGEN_BENCH_VERBOSE") == "1")
            {
                foreach (var single in Analyzers)
                {
                    Settle();
                    var alone = compilation.WithAnalyzers(ImmutableArray.Create(single), new CompilationWithAnalyzersOptions(Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
                    allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    alone.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                    Console.WriteLine($"    {single.GetType().Name} alone: allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F1} MB");
                }

                Console.WriteLine($"  run {run}: analysis {analysisTime.TotalMilliseconds:F0} ms, GC pauses in it {analysisPauses.TotalMilliseconds:F0} ms; allocated {analysisAllocated / 1048576.0:F1} MB, with the no-op analyzer instead {floorAllocated / 1048576.0:F1} MB");
            }

            var floor = floorRun.GetAnalyzerTelemetryInfoAsync(floorRun.Analyzers[0], CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
            Floor = run == 0 || floor < Floor ? floor : Floor;

            var total = TimeSpan.Zero;
            foreach (var analyzer in Analyzers)
            {
                var time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                var name = analyzer.GetType().Name;
                PerAnalyzer[name] = run == 0 || time < PerAnalyzer[name] ? time : PerAnalyzer[name];
                if (Environment.GetEnvironmentVariable("SCOPEGEN_BENCH_VERBOSE") == "1")
                {
                    Console.WriteLine($"    {name}: {time.TotalMilliseconds:F1} ms");
                }
                total += time;
            }

            analyzerTimes.Add(total);
        }

        MedianCompiler = Median(compilerTimes);
        MedianAnalyzers = Median(analyzerTimes);
        return (Fastest(compilerTimes), Fastest(analyzerTimes), diagnostics);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    // The fastest run: on a shared machine, noise only ever adds time.
    private static TimeSpan Fastest(List<TimeSpan> values) => values.Min();

    // The median, reported beside the fastest: what a typical run costs, GC pauses that land in the
    // analyzer's callbacks included.
    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.OrderBy(value => value).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : TimeSpan.FromTicks((sorted[(sorted.Count / 2) - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);
    }

    /// <summary>The median <c>GetDiagnostics()</c> time of the last measurement.</summary>
    public TimeSpan MedianCompiler { get; private set; }

    /// <summary>The median analyzer execution time of the last measurement.</summary>
    public TimeSpan MedianAnalyzers { get; private set; }

    internal static string Controller(int index, int actions, bool withFindings)
    {
        var resource = Resources[index % Resources.Length];
        var builder = new StringBuilder();
        builder.Append("using Microsoft.AspNetCore.Mvc;\nusing Bench;\nusing N8n.Api;\n\nnamespace Bench.Controllers;\n\n");
        builder.Append("[ApiController]\n[Route(\"api/items").Append(index).Append("\")]\n");
        builder.Append("public sealed class Items").Append(index).Append("Controller : ControllerBase\n{\n");
        string[] verbs = { "HttpGet", "HttpGet(\"{id}\")", "HttpPost", "HttpPut(\"{id}\")", "HttpDelete(\"{id}\")" };
        string[] scopes = { "List", "Read", "Create", "Update", "Delete" };
        for (var a = 0; a < actions; a++)
        {
            var scope = resource is "Tag" or "Variable" or "Project" && scopes[a % scopes.Length] == "Read" ? "List" : scopes[a % scopes.Length];
            if (resource == "Variable" && scope == "Read")
            {
                scope = "List";
            }

            // One action in ten has no scope, so the analyzer has findings to report.
            if (!withFindings || (index + a) % 10 != 0)
            {
                builder.Append("    [RequireScope(Scopes.").Append(resource).Append('.').Append(scope).Append(")]\n");
            }

            builder.Append("    [").Append(verbs[a % verbs.Length]).Append("]\n");
            builder.Append("    public IActionResult Action").Append(a).Append("(int id) => Ok(id);\n\n");
        }

        return builder.Append("}\n").ToString();
    }

    internal static string MinimalApi(int endpoints, bool withFindings)
    {
        var builder = new StringBuilder();
        builder.Append("using Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Routing;\nusing N8n.Api;\n\nnamespace Bench;\n\n");
        builder.Append("public static class Endpoints\n{\n    public static void Map(IEndpointRouteBuilder app)\n    {\n");
        builder.Append("        var group = app.MapGroup(\"/api/v1/tags\").RequireScope(Scopes.Tag.List);\n");
        for (var e = 0; e < endpoints; e++)
        {
            switch (e % 4)
            {
                case 0:
                    builder.Append("        app.MapGet(\"/api/v1/w").Append(e).Append("\", () => Results.Ok()).RequireScope(Scopes.Workflow.List);\n");
                    break;
                case 1:
                    builder.Append("        group.MapGet(\"/t").Append(e).Append("\", () => Results.Ok());\n");
                    break;
                case 2:
                    builder.Append("        app.MapPost(\"/api/v1/c").Append(e).Append("\", [RequireScope(Scopes.Credential.Create)] () => Results.Ok());\n");
                    break;
                default:
                    builder.Append("        app.MapDelete(\"/api/v1/u").Append(e).Append("\", () => Results.Ok())").Append(withFindings ? string.Empty : ".RequireScope(Scopes.User.Delete)").Append(";\n");
                    break;
            }
        }

        return builder.Append("    }\n}\n").ToString();
    }
}

/// <summary>
/// Registers the same kinds of actions as ScopeGen's analyzers and does nothing in them: its execution
/// time is the floor the analyzer driver charges for invoking callbacks at all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH000", "Never reported", "Never reported", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.Attribute);
            start.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }
}
