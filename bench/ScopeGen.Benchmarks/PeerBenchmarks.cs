using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScopeGen.Generator;
using ScopeGen.Testing;

namespace ScopeGen.Benchmarks;

/// <summary>
/// ScopeGen's analyzer against the peer baseline, SecurityCodeScan's SCS0012 (controllers only), and against
/// <c>GetDiagnostics()</c>, on the same fresh compilation in the same run: the controllers benchmark
/// (1,000 controllers × 5 actions), the mixed one of figure 3 (plus 1,000 minimal-API endpoints) and the
/// versioned minimal-API modules (<see cref="VersionedModules"/>).
/// Command: <c>dotnet run -c Release --project bench/ScopeGen.Benchmarks -- peer-time [runs] [covered] [--warm-up N]</c>.
/// </summary>
/// <remarks>
/// The analyzers never run on the compilation whose <c>GetDiagnostics()</c> is timed: CompilationWithAnalyzers
/// forks it with an event queue and binds the fork again, on every core, while the driver runs the analyzers.
/// Tiered compilation is slow to optimize the analyzer in this process: each run JIT-compiles more of the
/// compiler, which keeps resetting the runtime's call-counting delay, and the minimal-API path still ran
/// unoptimized code up to about the 19th run (bench/RESULTS.md, figure 6). <c>--warm-up N</c> lengthens the
/// warm-up (5 runs by default, as in every table of record); the last column counts the methods JIT-compiled
/// during the measured runs, to show how far from steady state they were.
/// </remarks>
public static class PeerBenchmarks
{
    /// <summary>The warm-up runs before the measured ones, when the command does not say.</summary>
    public const int DefaultWarmUp = 5;

    public static void Run(int runs, bool covered, int warmUp = DefaultWarmUp)
    {
        var peer = LoadScs0012();
        var inputs = Inputs(covered);

        Console.WriteLine($"runs: {runs} (after {warmUp} warm-up runs), {(covered ? "every endpoint covered" : "with findings")}; times are each analyzer's execution time (Roslyn's telemetry) on a fork of the compilation GetDiagnostics() just bound, which CompilationWithAnalyzers binds again while the analyzers run");
        // GetDiagnostics() binds method bodies on every core (concurrentBuild), while the analyzers run on one thread
        // (concurrentAnalysis: false) and the telemetry sums their callbacks: the last two columns set the analyzer's
        // time against the compiler's processor time instead of its wall-clock time.
        Console.WriteLine("| Compilation | GetDiagnostics() fastest / median | ScopeGen fastest / median | SCS0012 fastest / median | ScopeGen / GetDiagnostics() (fastest; median) | ScopeGen / SCS0012 (fastest; median) | findings ScopeGen / SCS0012 | GetDiagnostics() processor time fastest / median | ScopeGen / GetDiagnostics() processor time (fastest; median) | methods JIT-compiled during the measured runs |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, sources, endpoints) in inputs)
        {
            var input = Prepare(sources());
            Measure(input, peer, warmUp);
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var result = Measure(input, peer, runs);
            var compiledDuring = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
            Console.WriteLine(
                $"| {name} | {Ms(result.Compiler.Min())} / {Ms(Median(result.Compiler))} | {Ms(result.ScopeGen.Min())} / {Ms(Median(result.ScopeGen))} | {Ms(result.Peer.Min())} / {Ms(Median(result.Peer))} " +
                $"| {Ratio(result.ScopeGen.Min(), result.Compiler.Min()):P2}; {Ratio(Median(result.ScopeGen), Median(result.Compiler)):P2} " +
                $"| {Ratio(result.ScopeGen.Min(), result.Peer.Min()):F2}×; {Ratio(Median(result.ScopeGen), Median(result.Peer)):F2}× | {result.ScopeGenFindings} / {result.PeerFindings} " +
                $"| {Ms(result.CompilerCpu.Min())} / {Ms(Median(result.CompilerCpu))} | {Ratio(result.ScopeGen.Min(), result.CompilerCpu.Min()):P2}; {Ratio(Median(result.ScopeGen), Median(result.CompilerCpu)):P2} | {compiledDuring} |");
        }
    }

    private static (string Name, Func<IReadOnlyList<(string Path, string Text)>> Sources, int Endpoints)[] Inputs(bool covered) =>
        new (string Name, Func<IReadOnlyList<(string Path, string Text)>> Sources, int Endpoints)[]
        {
            ("controllers (1,000 × 5 actions)", () => Enumerable.Range(0, 1_000).Select(c => ($"Controllers/Items{c}Controller.cs", LargeCompilation.Controller(c, 5, withFindings: !covered))).ToList(), 5_000),
            ("mixed (5,000 actions + 1,000 minimal APIs)", () => Enumerable.Range(0, 1_000).Select(c => ($"Controllers/Items{c}Controller.cs", LargeCompilation.Controller(c, 5, withFindings: !covered)))
                .Append(("Endpoints.cs", LargeCompilation.MinimalApi(1_000, withFindings: !covered))).ToList(), 6_000),
            ("versioned minimal-API modules (40 × 16 endpoints)", () => Enumerable.Range(0, 40).Select(m => ($"Modules/Catalog{m}Api.cs", VersionedModules.Module(m, covered)))
                .Append(("Modules/Shared.cs", VersionedModules.Shared())).ToList(), 640),
        };

    /// <summary>
    /// For a profiler: ScopeGen's analyzer alone, <paramref name="runs"/> times on one compilation of the table
    /// (<c>... -- peer-profile INPUT RUNS [covered]</c>, INPUT 0-2 in the table's order), each run's time printed.
    /// </summary>
    public static void Profile(int input, int runs, bool covered)
    {
        var prepared = Prepare(Inputs(covered)[input].Sources());
        for (var run = 0; run < runs; run++)
        {
            var compilation = prepared.Fresh();
            Settle();
            var cpu = ProcessorTime();
            var wall = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            var compilerWall = wall.Elapsed;
            var compilerCpu = ProcessorTime() - cpu;
            var times = new List<string>();
            foreach (var analyzer in new DiagnosticAnalyzer[] { new ScopeGen.Analyzers.ScopeAnalyzer(), new NoOpAnalyzer() })
            {
                Settle();
                cpu = ProcessorTime();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var collections = GC.CollectionCount(0);
                var paused = GC.GetTotalPauseDuration();
                var withAnalyzer = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(prepared.Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var findings = withAnalyzer.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
                var time = withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                times.Add($"{analyzer.GetType().Name} {Ms(time)} (whole analysis: process CPU {Ms(ProcessorTime() - cpu)}, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F1} MB, {GC.CollectionCount(0) - collections} GCs pausing {Ms(GC.GetTotalPauseDuration() - paused)}; {findings} findings)");
            }

            Console.WriteLine($"run {run}: GetDiagnostics() {Ms(compilerWall)} (process CPU {Ms(compilerCpu)}); " + string.Join("; ", times));
        }
    }

    private sealed record Input(Func<CSharpCompilation> Fresh, AnalyzerOptions Options);

    private sealed record Result(List<TimeSpan> Compiler, List<TimeSpan> CompilerCpu, List<TimeSpan> ScopeGen, List<TimeSpan> Peer, int ScopeGenFindings, int PeerFindings);

    private static Input Prepare(IReadOnlyList<(string Path, string Text)> sources)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, path: source.Path)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || name.StartsWith("Asp.Versioning", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        var manifest = new InMemoryAdditionalText("/bench/n8n.scopes.yaml", File.ReadAllText(GeneratorBenchmarks.FindRepoFile("manifest/n8n.scopes.yaml")));
        var optionsProvider = TestOptionsProvider.FromProperties(new Dictionary<string, string> { ["RootNamespace"] = "Bench" });

        // SCS0012 is off by default: the compilation turns it on, as a project that uses it would.
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["SCS0012"] = ReportDiagnostic.Warn });
        var compilation = CSharpCompilation.Create("Peer", trees, references, compilationOptions);
        CSharpGeneratorDriver.Create(new[] { new ScopesGenerator().AsSourceGenerator() }, new[] { manifest }, parseOptions, optionsProvider)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var allTrees = generated.SyntaxTrees.ToList();
        var errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark compilation does not compile: " + errors[0]);
        }

        return new Input(() => CSharpCompilation.Create("Peer", allTrees, references, compilationOptions), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(manifest), optionsProvider));
    }

    private static Result Measure(Input input, DiagnosticAnalyzer peer, int runs)
    {
        var compiler = new List<TimeSpan>();
        var compilerCpu = new List<TimeSpan>();
        var scopeGen = new List<TimeSpan>();
        var peerTimes = new List<TimeSpan>();
        var scopeGenFindings = 0;
        var peerFindings = 0;
        for (var run = 0; run < runs; run++)
        {
            var compilation = input.Fresh();
            Settle();
            var cpuBefore = ProcessorTime();
            var stopwatch = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            compiler.Add(stopwatch.Elapsed);
            compilerCpu.Add(ProcessorTime() - cpuBefore);

            // Alternate which analyzer runs first, so neither is always the one that finds the semantic models warm.
            var ours = (DiagnosticAnalyzer)new ScopeGen.Analyzers.ScopeAnalyzer();
            foreach (var analyzer in run % 2 == 0 ? new[] { ours, peer } : new[] { peer, ours })
            {
                Settle();
                var withAnalyzer = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(input.Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var findings = withAnalyzer.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
                var time = withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                if (analyzer == ours)
                {
                    scopeGen.Add(time);
                    scopeGenFindings = findings;
                }
                else
                {
                    peerTimes.Add(time);
                    peerFindings = findings;
                }
            }
        }

        return new Result(compiler, compilerCpu, scopeGen, peerTimes, scopeGenFindings, peerFindings);
    }

    /// <summary>
    /// SecurityCodeScan's SCS0012 analyzer alone (no other SecurityCodeScan rule runs), loaded in its own load
    /// context with its YamlDotNet; Roslyn comes from this process.
    /// </summary>
    private static DiagnosticAnalyzer LoadScs0012()
    {
        var package = typeof(PeerBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SecurityCodeScanPath").Value!;
        var directory = Path.Combine(package, "analyzers", "dotnet");
        var context = new PeerLoadContext(directory);
        var assembly = context.LoadFromAssemblyPath(Path.Combine(directory, "SecurityCodeScan.VS2019.dll"));
        // Each rule of the package is its own DiagnosticAnalyzer: the one whose only rule is SCS0012.
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partly)
        {
            // Its code fixes need Roslyn's Workspaces, which this process does not load; the analyzers do not.
            types = partly.Types;
        }

        var analyzer = types.OfType<Type>()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .Single(candidate => candidate.SupportedDiagnostics.Any(d => d.Id == "SCS0012"));
        if (analyzer.SupportedDiagnostics.Any(d => d.Id != "SCS0012"))
        {
            throw new InvalidOperationException("The SCS0012 analyzer reports other rules too: " + string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id)));
        }

        if (!analyzer.SupportedDiagnostics.Any(d => d.Id == "SCS0012"))
        {
            throw new InvalidOperationException("The SecurityCodeScan analyzer does not report SCS0012.");
        }

        return analyzer;
    }

    private sealed class PeerLoadContext : AssemblyLoadContext
    {
        private readonly string directory;

        public PeerLoadContext(string directory)
            : base("SecurityCodeScan") => this.directory = directory;

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    /// <summary>The processor time of this process so far, on every thread.</summary>
    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.OrderBy(value => value).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : TimeSpan.FromTicks((sorted[(sorted.Count / 2) - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);
    }

    private static double Ratio(TimeSpan part, TimeSpan whole) => part.TotalMilliseconds / whole.TotalMilliseconds;

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F1} ms";
}
