using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/ScopeGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ScopeGen.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
