using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Generator;

namespace ScopeGen.Testing;

/// <summary>The outcome of one run of the real <see cref="CSharpGeneratorDriver"/>.</summary>
/// <param name="Driver">The driver after the run, for incremental re-runs.</param>
/// <param name="Output">The input compilation plus the generated sources.</param>
/// <param name="GeneratorDiagnostics">Diagnostics the generator reported.</param>
public sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> GeneratedSources =>
        Driver.GetRunResult().Results.SelectMany(result => result.GeneratedSources)
            .ToDictionary(source => source.HintName, source => source.SourceText.ToString());

    /// <summary>Compiler diagnostics of the output compilation (warnings and errors), generator's excluded.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}

/// <summary>Runs <see cref="ScopesGenerator"/> over sources and manifests, as the compiler does.</summary>
public static class GeneratorRunner
{
    /// <summary>Runs the generator once with step tracking on.</summary>
    public static GeneratorRun Run(
        CSharpCompilation compilation,
        IEnumerable<AdditionalText> manifests,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ScopesGenerator().AsSourceGenerator() },
            manifests,
            (CSharpParseOptions)compilation.SyntaxTrees.FirstOrDefault()?.Options! ?? TestCompilation.ParseOptions(),
            TestOptionsProvider.FromProperties(properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    /// <summary>Runs the generator over one manifest text and optional C# sources.</summary>
    public static GeneratorRun Run(
        string manifest,
        string manifestPath = "/project/api.scopes.yaml",
        IEnumerable<string>? sources = null,
        IReadOnlyDictionary<string, string>? properties = null,
        IEnumerable<MetadataReference>? references = null,
        LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        var compilation = TestCompilation.Create(sources ?? new[] { "namespace Placeholder { internal static class Empty { } }" }, references, languageVersion);
        return Run(compilation, new[] { new InMemoryAdditionalText(manifestPath, manifest) }, properties);
    }
}
