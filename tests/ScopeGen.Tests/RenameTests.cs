using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Manifest;
using ScopeGen.Testing;
using ScopeGen.Tests.Helpers;

namespace ScopeGen.Tests;

/// <summary>
/// <c>renamedFrom</c>: the located diagnostics of bad renames through the real generator driver, and the
/// generated obsolete constants and lookups, compiled and run.
/// </summary>
public sealed class RenameTests
{
    private const string Path = "/project/api.scopes.yaml";

    [Theory]
    [InlineData("SCOPE110", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [|workflow:activate|]\n")]
    [InlineData("SCOPE110", "resources:\n  workflow:\n    actions:\n      read: Read.\n      activate:\n        renamedFrom: [|workflow:read|]\n")]
    [InlineData("SCOPE110", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [|\"workflow publish\"|]\n")]
    [InlineData("SCOPE110", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [|workflow.publish|]\n")]
    [InlineData("SCOPE110", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [|\"\"|]\n")]
    [InlineData("SCOPE102", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [workflow:publish, [|workflow:publish|]]\n")]
    [InlineData("SCOPE104", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [|workflow:All|]\n")]
    [InlineData("SCOPE104", "resources:\n  workflow:\n    actions:\n      read: Read.\n      activate:\n        renamedFrom: [|workflow:Read|]\n")]
    [InlineData("SCOPE104", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [|Workflow:publish|]\n")]
    [InlineData("SCOPE104", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [|normalize:x|]\n")]
    [InlineData("SCOPE104", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [workflow:publish, [|workflow:Publish|]]\n")]
    [InlineData("SCOPE109", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [|{a: b}|]\n")]
    [InlineData("SCOPE101", "resources:\n  workflow:\n    actions:\n      activate:\n        [|renamedFom|]: workflow:publish\n")]
    public void A_bad_rename_is_reported_at_the_marked_span(string id, string markup)
    {
        var input = Markup.Parse(markup);

        var run = GeneratorRunner.Run(input.Text, Path, references: TestCompilation.NetCoreReferences);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(input.LineSpan, diagnostic.Location.GetLineSpan().Span);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_cycle_is_reported_at_both_ends_and_named_a_cycle()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:publish\n      publish:\n        renamedFrom: workflow:activate\n";

        var run = GeneratorRunner.Run(manifest, Path, references: TestCompilation.NetCoreReferences);

        var cycles = run.GeneratorDiagnostics.Where(d => d.Id == "SCOPE110").ToList();
        Assert.Equal(2, cycles.Count);
        Assert.All(cycles, d => Assert.StartsWith("Rename cycle:", d.GetMessage(), StringComparison.Ordinal));
        Assert.Equal(new[] { 4, 6 }, cycles.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).OrderBy(l => l));
    }

    [Fact]
    public void A_former_name_of_two_actions_is_reported_at_both_and_neither_rename_stands()
    {
        const string manifest = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:toggle\n      deactivate:\n        renamedFrom: workflow:toggle\n";

        var run = GeneratorRunner.Run(manifest, Path, references: TestCompilation.NetCoreReferences);

        var duplicates = run.GeneratorDiagnostics.Where(d => d.Id == "SCOPE110").ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Contains(duplicates, d => d.GetMessage().Contains("former name of 'workflow:activate' and also of 'workflow:deactivate'", StringComparison.Ordinal));
        Assert.DoesNotContain("workflow:toggle", run.GeneratedSources.Values.Single());
    }

    [Fact]
    public void Renames_across_manifests_of_one_class_see_each_others_scopes()
    {
        var first = new InMemoryAdditionalText("/p/a.scopes.yaml", "namespace: Acme\nresources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: credential:read\n");
        var second = new InMemoryAdditionalText("/p/b.scopes.yaml", "namespace: Acme\nresources:\n  credential:\n    actions:\n      read: Read.\n");

        var run = GeneratorRunner.Run(TestCompilation.Create(new[] { "namespace P { }" }, TestCompilation.NetCoreReferences), new[] { first, second });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SCOPE110", diagnostic.Id);
        Assert.Contains("'credential:read' is still a scope of the manifest (b.scopes.yaml(5,7))", diagnostic.GetMessage());
    }

    [Fact]
    public void The_parser_reads_one_string_or_a_list()
    {
        var result = ManifestParser.Parse(Path, "resources:\n  workflow:\n    actions:\n      a:\n        renamedFrom: workflow:x\n      b:\n        renamedFrom: [workflow:y, old:z]\n      c:\n        renamedFrom:\n");

        Assert.Empty(result.Diagnostics);
        var actions = result.Manifest!.Resources[0].Actions;
        Assert.Equal(new[] { "workflow:x" }, actions[0].RenamedFrom.Select(f => f.Value));
        Assert.Equal(new[] { "workflow:y", "old:z" }, actions[1].RenamedFrom.Select(f => f.Value));
        Assert.Empty(actions[2].RenamedFrom);
    }

    private const string Probe = """
        namespace Acme
        {
            public static class Probe
            {
        #pragma warning disable CS0618 // the former constants are obsolete on purpose
                public static object[] Values()
                {
                    string current;
                    var found = Scopes.TryGetCurrent("workflow:publish", out current);
                    string unchanged;
                    var notFormer = Scopes.TryGetCurrent("workflow:activate", out unchanged);
                    return new object[]
                    {
                        Scopes.Workflow.Publish,
                        Scopes.Legacy.Toggle,
                        found,
                        current,
                        notFormer,
                        unchanged,
                        Scopes.Normalize("legacy:toggle"),
                        Scopes.Normalize("workflow:read"),
                        string.Join(",", Scopes.FormerNamesOf("workflow:activate")),
                        Scopes.FormerNamesOf("workflow:read").Count,
                        Scopes.IsDefined("workflow:publish"),
                        Scopes.All.Count,
                        Scopes.Workflow.All.Count,
                    };
                }
        #pragma warning restore CS0618
            }
        }
        """;

    private const string RenamingManifest = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: Read.\n      activate:\n        description: Activate.\n        renamedFrom: [workflow:publish, legacy:toggle]\n";

    [Fact]
    public void Former_names_become_lookups_and_obsolete_constants_beside_the_new_ones()
    {
        var compilation = TestCompilation.Create(new[] { Probe }, TestCompilation.NetCoreReferences, LanguageVersion.Latest, NullableContextOptions.Enable);

        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText(Path, RenamingManifest) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        var values = (object[])GeneratedCodeTests.Load(run.Output).GetType("Acme.Probe")!.GetMethod("Values")!.Invoke(null, null)!;
        Assert.Equal(new object[]
        {
            "workflow:publish", "legacy:toggle", true, "workflow:activate", false, "workflow:activate",
            "workflow:activate", "workflow:read", "legacy:toggle,workflow:publish", 0, false, 2, 2,
        }, values);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    public void Using_a_former_constant_warns_with_the_new_name(LanguageVersion version, NullableContextOptions nullable)
    {
        const string use = "namespace Acme { public static class Use { public static string Value => Scopes.Workflow.Publish; } }";
        var compilation = TestCompilation.Create(new[] { use }, TestCompilation.NetCoreReferences, version, nullable);

        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText(Path, RenamingManifest) });

        var warning = Assert.Single(run.CompilationDiagnostics);
        Assert.Equal("CS0618", warning.Id);
        Assert.Contains("Renamed to 'workflow:activate': use Scopes.Workflow.Activate.", warning.GetMessage());
    }

    [Theory]
    [InlineData("sortedFormerScopes")]
    [InlineData("currentOfSortedFormer")]
    [InlineData("currentIndexOfSortedFormer")]
    public void A_resource_named_like_the_rename_data_compiles(string resource)
    {
        // The rename data fields start lower-case; a resource class is PascalCase, so the two never meet.
        var manifest = $"namespace: Acme\nresources:\n  {resource}:\n    actions:\n      read: Read.\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:toggle\n";
        var compilation = TestCompilation.Create(Array.Empty<string>(), TestCompilation.NetCoreReferences, LanguageVersion.Latest, NullableContextOptions.Enable);

        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText(Path, manifest) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void The_n8n_manifest_renames_workflow_deactivate_to_workflow_activate()
    {
        const string probe = "namespace N8n.Api { public static class P { public static string V() => Scopes.Normalize(\"workflow:deactivate\"); } }";
        var run = GeneratorRunner.Run(Manifests.N8n, Manifests.N8nPath, new[] { probe }, references: TestCompilation.NetCoreReferences);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal("workflow:activate", GeneratedCodeTests.Load(run.Output).GetType("N8n.Api.P")!.GetMethod("V")!.Invoke(null, null));
    }
}
