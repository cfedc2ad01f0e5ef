using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Generator;
using ScopeGen.Testing;

namespace ScopeGen.Benchmarks;

/// <summary>
/// Figure 1 (cold generation against parsing the generator's own output) and figure 2 (re-run after an
/// unrelated C# edit against the cold run), per manifest size.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation compilation = null!;
    private CSharpCompilation editedCompilation = null!;
    private AdditionalText manifest = null!;
    private GeneratorDriver warmDriver = null!;
    private string generatedSource = string.Empty;
    private CSharpParseOptions parseOptions = null!;

    /// <summary>Number of scopes: 67 is the n8n manifest; the others are synthetic.</summary>
    [Params(67, 1_000, 10_000)]
    public int Scopes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = Scopes == 67 ? File.ReadAllText(FindRepoFile("manifest/n8n.scopes.yaml")) : SyntheticInputs.Manifest(Scopes / 10, 10);
        manifest = new InMemoryAdditionalText("/bench/api.scopes.yaml", text);
        parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", System.StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var trees = Enumerable.Range(0, 20).Select(i => CSharpSyntaxTree.ParseText($"namespace App {{ public static class C{i} {{ public static int X => {i}; }} }}", parseOptions)).ToArray();
        compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        editedCompilation = compilation.ReplaceSyntaxTree(trees[0], CSharpSyntaxTree.ParseText("namespace App { public static class C0 { public static int X => 100; } }", parseOptions));

        warmDriver = CreateDriver().RunGenerators(compilation);
        generatedSource = warmDriver.GetRunResult().GeneratedTrees.Single().ToString();
    }

    /// <summary>The floor: the compiler must at least parse what the generator emits.</summary>
    [Benchmark(Baseline = true)]
    public SyntaxTree ParseGeneratedOutput() => CSharpSyntaxTree.ParseText(generatedSource, parseOptions);

    /// <summary>One full generator run from nothing cached.</summary>
    [Benchmark]
    public GeneratorDriver ColdGeneration() => CreateDriver().RunGenerators(compilation);

    /// <summary>A re-run after one unrelated syntax tree changed: everything should come from the cache.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalAfterUnrelatedEdit()
    {
        // Alternate between the two compilations so every invocation sees a real edit.
        var next = warmDriver.RunGenerators(flip ? compilation : editedCompilation);
        flip = !flip;
        warmDriver = next;
        return next;
    }

    private bool flip;

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new ScopesGenerator().AsSourceGenerator() },
        new[] { manifest },
        parseOptions,
        optionsProvider: null,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    internal static string FindRepoFile(string relative)
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ScopeGen.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? Directory.GetCurrentDirectory(), relative);
    }
}
