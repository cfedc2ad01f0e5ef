using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScopeGen.Manifest;
using ScopeGen.Robustness.Tests.Harness;
using ScopeGen.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScopeGen.Robustness.Tests;

/// <summary>
/// Property-based tests (FsCheck): valid manifests from a grammar generate exactly their scopes and
/// compile warning-free; mutated manifests never make the generator throw, every diagnostic is
/// located, and whenever no error is reported the output compiles and holds the parsed scopes.
/// Replay a failure with SCOPEGEN_FSCHECK_SEED (printed in the failure message and the test output).
/// </summary>
public sealed class ManifestPropertyTests
{
    public const int ValidCases = 400;
    public const int MutatedCases = 1_500;

    /// <summary>Every this-many cases is also emitted and loaded, to read Scopes.All at run time.</summary>
    private const int LoadEvery = 20;

    /// <summary>Only the core library: what the constants need, and a fraction of the binding cost per case.</summary>
    private static readonly Lazy<CSharpCompilation> Consumer = new(() =>
        TestCompilation.Create(
            new[] { "namespace Fuzz.Api { internal static class Placeholder { } }" },
            TestCompilation.NetCoreReferences.Where(r => System.IO.Path.GetFileName(r.Display) is "System.Private.CoreLib.dll" or "System.Runtime.dll")));

    private readonly ITestOutputHelper output;

    public ManifestPropertyTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Valid_manifests_generate_exactly_their_scopes_and_compile_warning_free()
    {
        var count = 0;
        Properties.Check("valid manifests", ManifestGrammar.Valid, ValidCases, model =>
        {
            var run = Generate(model.Render());
            var expectedWarnings = model.Resources.Count(r => r.Actions.Count == 0);
            Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("SCOPE106", d.Id));
            Assert.Equal(expectedWarnings, run.GeneratorDiagnostics.Length);
            AssertCompilesAndHolds(run, model.Scopes.ToList(), load: count++ % LoadEvery == 0);
        }, output);
    }

    [Fact]
    public void Mutated_manifests_never_break_the_generator_and_compile_whenever_no_error_is_reported()
    {
        int count = 0, clean = 0;
        Properties.Check("mutated manifests", ManifestGrammar.Mutated, MutatedCases, mutated =>
        {
            var run = Generate(mutated.Text);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
            var text = Microsoft.CodeAnalysis.Text.SourceText.From(mutated.Text);
            foreach (var diagnostic in run.GeneratorDiagnostics)
            {
                Assert.StartsWith("SCOPE1", diagnostic.Id, StringComparison.Ordinal);
                Assert.DoesNotContain("please report this", diagnostic.GetMessage(), StringComparison.Ordinal);
                Hostile.AssertLocatedInManifest(diagnostic, text);
            }

            if (run.GeneratorDiagnostics.All(d => d.Severity < DiagnosticSeverity.Error))
            {
                clean++;
                // The expected scopes of a mutated text are what the manifest library reads from it.
                var (catalog, _) = ScopeCatalog.FromTexts(new[] { (Hostile.ManifestPath, mutated.Text) }, null);
                var expected = catalog.Classes.SelectMany(c => c.AllScopes.Select(s => s.Value)).ToList();
                AssertCompilesAndHolds(run, expected, load: count++ % LoadEvery == 0);
            }
        }, output);
        output.WriteLine($"{clean} of {MutatedCases} mutated manifests had no error diagnostic");
    }

    private static GeneratorRun Generate(string yaml) =>
        GeneratorRunner.Run(Consumer.Value, new[] { new InMemoryAdditionalText(Hostile.ManifestPath, yaml) });

    /// <summary>The output compiles with zero warnings, and Scopes.All (read from the syntax, and at run time now and then) equals <paramref name="expected"/>.</summary>
    private static void AssertCompilesAndHolds(GeneratorRun run, IReadOnlyList<string> expected, bool load)
    {
        Assert.Empty(run.CompilationDiagnostics);
        var generated = run.Output.SyntaxTrees.Where(tree => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
        if (expected.Count == 0 && generated.Count == 0)
        {
            return;
        }

        var scopesClass = generated.SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Single(c => c.Identifier.Text == "Scopes" && c.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax);
        var all = scopesClass.Members.OfType<PropertyDeclarationSyntax>().Single(p => p.Identifier.Text == "All");
        var values = all.Initializer!.DescendantNodes().OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText).ToList();
        Assert.Equal(expected, values);

        if (load)
        {
            using var emitted = Emitted.Load(run.Output);
            var prefix = scopesClass.Parent is BaseNamespaceDeclarationSyntax ns ? ns.Name + "." : string.Empty;
            Assert.Equal(expected, emitted.All(prefix + "Scopes"));
        }
    }
}
