using System;
using System.IO;
using BenchmarkDotNet.Running;
using ScopeGen.Benchmarks;

// Benchmarks: dotnet run -c Release --project bench/ScopeGen.Benchmarks -- --filter '*'
// Input files for bench/whole-build.sh: ... -- write-manifest <scopes> <path>
if (args.Length == 3 && args[0] == "write-manifest")
{
    var scopes = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    File.WriteAllText(args[2], SyntheticInputs.Manifest(scopes / 10, 10));
    Console.WriteLine($"Wrote a {scopes}-scope manifest to {args[2]}");
    return;
}

if (args.Length >= 1 && args[0] == "micro")
{
    if (args.Length > 1 && args[1] == "body") { ScopeGen.Benchmarks.MicroBody.Run(); } else { ScopeGen.Benchmarks.Micro.Run(); }
    return;
}

// Analyzer execution time (Roslyn's own reporting) against GetDiagnostics(): ... -- analyzer-time [runs]
if (args.Length >= 1 && args[0] == "analyzer-time")
{
    var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    // ... -- analyzer-time [runs] [covered]: "covered" puts a scope on every endpoint (no findings).
    var input = LargeCompilation.Create(withFindings: !(args.Length > 2 && args[2] == "covered"));
    // Warm-up: JIT, tiering up to optimized code and metadata loading are not what we measure (a build
    // server runs the analyzers tiered up); five runs of the whole compilation reach the steady state.
    input.MeasureAnalyzerTime(5);
    var (compiler, analyzers, diagnostics) = input.MeasureAnalyzerTime(runs);
    Console.WriteLine($"endpoints: {input.EndpointCount}, ScopeGen diagnostics: {diagnostics}, runs: {runs}");
    Console.WriteLine($"fastest GetDiagnostics(): {compiler.TotalMilliseconds:F0} ms; fastest ScopeGen analyzer execution time: {analyzers.TotalMilliseconds:F1} ms; ratio: {analyzers.TotalMilliseconds / compiler.TotalMilliseconds:P2}");
    Console.WriteLine($"median GetDiagnostics(): {input.MedianCompiler.TotalMilliseconds:F0} ms; median ScopeGen analyzer execution time: {input.MedianAnalyzers.TotalMilliseconds:F1} ms; ratio of medians: {input.MedianAnalyzers.TotalMilliseconds / input.MedianCompiler.TotalMilliseconds:P2}");
    Console.WriteLine($"floor (a no-op analyzer with the same callbacks): {input.Floor.TotalMilliseconds:F1} ms ({input.Floor.TotalMilliseconds / compiler.TotalMilliseconds:P2})");
    foreach (var (name, time) in input.PerAnalyzer)
    {
        Console.WriteLine($"  {name}: {time.TotalMilliseconds:F1} ms");
    }

    return;
}

// ScopeGen against SecurityCodeScan's SCS0012 and GetDiagnostics(), same compilations, same run: ... -- peer-time [runs] [covered] [--warm-up N]
if (args.Length >= 1 && args[0] == "peer-time")
{
    var warmUpAt = Array.IndexOf(args, "--warm-up");
    var warmUp = warmUpAt > 0 && warmUpAt + 1 < args.Length ? int.Parse(args[warmUpAt + 1], System.Globalization.CultureInfo.InvariantCulture) : PeerBenchmarks.DefaultWarmUp;
    var positional = warmUpAt > 0 ? args[..warmUpAt] : args;
    PeerBenchmarks.Run(positional.Length > 1 ? int.Parse(positional[1], System.Globalization.CultureInfo.InvariantCulture) : 9, positional.Length > 2 && positional[2] == "covered", warmUp);
    return;
}

// For a profiler: ScopeGen's analyzer alone, repeatedly, on one of those compilations: ... -- peer-profile INPUT RUNS [covered]
if (args.Length >= 3 && args[0] == "peer-profile")
{
    PeerBenchmarks.Profile(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 && args[3] == "covered");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
