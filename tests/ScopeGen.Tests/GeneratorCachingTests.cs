using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Generator;
using ScopeGen.Testing;
using ScopeGen.Tests.Helpers;

namespace ScopeGen.Tests;

/// <summary>
/// The incremental pipeline caches: an unrelated edit regenerates nothing, a manifest edit regenerates
/// only that manifest's outputs, and no model holds a Roslyn object that would defeat caching.
/// </summary>
public sealed class GeneratorCachingTests
{
    private static readonly string[] TrackingNames =
    {
        ScopesGenerator.TrackingNames.ParsedManifests,
        ScopesGenerator.TrackingNames.Settings,
        ScopesGenerator.TrackingNames.Catalog,
        ScopesGenerator.TrackingNames.EmitOptions,
    };

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_output_cached()
    {
        var compilation = TestCompilation.Create(references: TestCompilation.NetCoreReferences, sources: new[] { "namespace App { public static class A { public static int X => 1; } }", "namespace App { public static class B { } }" });
        var first = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText(Manifests.N8nPath, Manifests.N8n) });

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("namespace App { public static class A { public static int X => 2; } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackingNames)
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            Assert.All(second.TrackedSteps[name].SelectMany(step => step.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}"));
        }

        var outputs = second.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void Editing_one_manifest_regenerates_only_its_outputs()
    {
        var compilation = TestCompilation.Create(references: TestCompilation.NetCoreReferences, sources: new[] { "namespace App { }" });
        var alpha = new InMemoryAdditionalText("/p/alpha.scopes.yaml", "namespace: Alpha\nresources:\n  workflow:\n    actions:\n      create: Create.\n");
        var beta = new InMemoryAdditionalText("/p/beta.scopes.yaml", "namespace: Beta\nresources:\n  credential:\n    actions:\n      read: Read.\n");
        var first = GeneratorRunner.Run(compilation, new AdditionalText[] { alpha, beta });
        Assert.Equal(2, first.GeneratedSources.Count);

        var alphaEdited = new InMemoryAdditionalText("/p/alpha.scopes.yaml", "namespace: Alpha\nresources:\n  workflow:\n    actions:\n      create: Create.\n      read: Read.\n");
        var second = first.Driver.ReplaceAdditionalText(alpha, alphaEdited).RunGenerators(compilation).GetRunResult().Results.Single();

        var parsed = second.TrackedSteps[ScopesGenerator.TrackingNames.ParsedManifests].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(2, parsed.Count);
        Assert.Single(parsed, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(parsed, output => output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

        // A source output step's value is the sources it added (an internal Roslyn type): read their hint names.
        var sourceOutputs = second.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs)
            .Select(output => (Hints: HintNames(output.Value), output.Reason))
            .Where(output => output.Hints.Count > 0)
            .ToDictionary(output => output.Hints.Single(), output => output.Reason);
        Assert.Equal(2, sourceOutputs.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, sourceOutputs["alpha.scopes.g.cs"]);
        Assert.True(sourceOutputs["beta.scopes.g.cs"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, sourceOutputs["beta.scopes.g.cs"].ToString());
        Assert.Contains("Read = \"workflow:read\"", second.GeneratedSources.Single(source => source.HintName == "alpha.scopes.g.cs").SourceText.ToString());
    }

    [Fact]
    public void No_pipeline_model_holds_a_roslyn_object()
    {
        var compilation = TestCompilation.Create(references: TestCompilation.NetCoreReferences, sources: new[] { "namespace App { }" });
        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText(Manifests.N8nPath, Manifests.N8n) });
        var result = run.Driver.GetRunResult().Results.Single();

        var values = result.TrackedSteps.Where(pair => TrackingNames.Contains(pair.Key))
            .SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).Select(output => output.Value);
        foreach (var value in values)
        {
            AssertNoRoslynObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static List<string> HintNames(object value)
    {
        var sources = (IEnumerable)value.GetType().GetField("Item1")!.GetValue(value)!;
        return sources.Cast<object>().Select(source => (string)source.GetType().GetProperty("HintName")!.GetValue(source)!).ToList();
    }

    private static void AssertNoRoslynObjects(object? value, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or AdditionalText or SemanticModel, $"a model holds a {type}");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, visited);
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), visited);
        }
    }
}
