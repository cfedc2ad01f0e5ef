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

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
