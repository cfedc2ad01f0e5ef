using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Testing;
using ScopeGen.Tests.Helpers;

namespace ScopeGen.Tests;

/// <summary>The generated code compiles cleanly and behaves as the contract says, checked by running it.</summary>
public sealed class GeneratedCodeTests
{
    private const string Probe = """
        namespace N8n.Api
        {
            public static class Probe
            {
                public static object[] Values()
                {
                    string description;
                    var found = Scopes.TryGetDescription(Scopes.DataTableRow.Upsert, out description);
                    global::System.Collections.Generic.IReadOnlyList<string> preset;
                    var hasPreset = Scopes.Presets.TryGetScopes("readOnly", out preset);
                    return new object[]
                    {
                        Scopes.Workflow.Create,
                        Scopes.All.Count,
                        Scopes.IsDefined("dataTableRow:upsert"),
                        Scopes.IsDefined("workflow:Create"),
                        found,
                        description,
                        Scopes.Workflow.All.Count,
                        Scopes.Presets.ReadOnly.Count,
                        hasPreset && preset == Scopes.Presets.ReadOnly,
                        Scopes.Presets.Full.Count,
                        Scopes.All[0],
                        Scopes.All[66],
                        Scopes.ExecutionTags.Update,
                        Scopes.IsDefined(""),
                    };
                }
            }
        }
        """;

    [Fact]
    public void The_n8n_constants_and_lookups_hold_the_manifest_values()
    {
        var values = RunProbe(Manifests.N8n, LanguageVersion.Latest);

        Assert.Equal("workflow:create", values[0]);
        Assert.Equal(67, values[1]);
        Assert.Equal(true, values[2]);
        Assert.Equal(false, values[3]);
        Assert.Equal(true, values[4]);
        Assert.Equal("Update an existing row in a data table, or insert a new one if no row matches the filter conditions.", values[5]);
        Assert.Equal(7, values[6]);
        Assert.Equal(22, values[7]);
        Assert.Equal(true, values[8]);
        Assert.Equal(67, values[9]);
        Assert.Equal("communityPackage:install", values[10]);
        Assert.Equal("workflowTags:update", values[11]);
        Assert.Equal("executionTags:update", values[12]);
        Assert.Equal(false, values[13]);
    }

    [Fact]
    public void The_lists_cannot_be_changed_through_a_cast()
    {
        var run = GeneratorRunner.Run(Manifests.N8n, Manifests.N8nPath, new[]
        {
            "namespace N8n.Api { public static class Mutate { public static bool IsArray() => Scopes.All is string[]; } }",
        }, references: TestCompilation.NetCoreReferences);
        Assert.Empty(run.CompilationDiagnostics);

        var type = Load(run.Output).GetType("N8n.Api.Mutate")!;

        Assert.Equal(false, type.GetMethod("IsArray")!.Invoke(null, null));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.CSharp8, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.CSharp12, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    public void The_n8n_output_compiles_without_warnings(LanguageVersion version, NullableContextOptions nullable)
    {
        var compilation = TestCompilation.Create(new[] { Probe }, TestCompilation.NetCoreReferences, version, nullable);

        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText(Manifests.N8nPath, Manifests.N8n) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(version >= LanguageVersion.CSharp8, run.GeneratedSources.Values.Single().Contains("#nullable enable"));
    }

    [Fact]
    public void Deprecated_actions_are_obsolete_constants_and_still_listed()
    {
        const string manifest = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      activate:\n        description: Activate.\n        deprecated: Use workflow:publish\n      publish: Publish.\n";
        const string use = "namespace Acme { public static class Use { public static string Value => Scopes.Workflow.Activate; } }";

        var run = GeneratorRunner.Run(manifest, sources: new[] { use }, references: TestCompilation.NetCoreReferences);

        var warning = Assert.Single(run.CompilationDiagnostics);
        Assert.Equal("CS0618", warning.Id);
        Assert.Contains("Use workflow:publish", warning.GetMessage());
        Assert.Contains("\"workflow:activate\", \"workflow:publish\"", run.GeneratedSources.Values.Single());
    }

    [Fact]
    public void Text_that_looks_like_code_stays_text()
    {
        const string hostile = "x */ </summary> \\\" \\\\ { } \\u2028 \\u2029 \\u202E end\\nline two";
        var manifest = $"namespace: Acme\nresources:\n  workflow:\n    description: \"{hostile}\"\n    actions:\n      create:\n        description: \"{hostile}\"\n        deprecated: \"{hostile}\"\n";
        const string probe = "namespace Acme { public static class P { public static string D() { string d; Scopes.TryGetDescription(\"workflow:create\", out d); return d; } } }";

        var run = GeneratorRunner.Run(manifest, sources: new[] { probe }, references: TestCompilation.NetCoreReferences);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id != "CS0618");
        var expected = "x */ </summary> \" \\ { } \u2028 \u2029 \u202E end\nline two";
        Assert.Equal(expected, Load(run.Output).GetType("Acme.P")!.GetMethod("D")!.Invoke(null, null));
        var source = run.GeneratedSources.Values.Single();
        Assert.DoesNotContain('\u2028', source);
        Assert.DoesNotContain('\u202E', source);
    }

    [Fact]
    public void Manifests_sharing_namespace_and_class_merge_into_one_class()
    {
        var compilation = TestCompilation.Create(references: TestCompilation.NetCoreReferences, sources: new[]
        {
            "namespace Acme { public static class Use { public static int Count => Scopes.All.Count; public static string A => Scopes.Workflow.Create; public static string B => Scopes.Credential.Read; } }",
        });
        var first = new InMemoryAdditionalText("/p/a.scopes.yaml", "namespace: Acme\nresources:\n  workflow:\n    actions:\n      create: Create.\npresets:\n  reads:\n    scopes: [\"*:read\"]\n");
        var second = new InMemoryAdditionalText("/p/b.scopes.yaml", "namespace: Acme\nresources:\n  credential:\n    actions:\n      read: Read.\n");

        var run = GeneratorRunner.Run(compilation, new[] { first, second });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal("Acme.Scopes.g.cs", Assert.Single(run.GeneratedSources.Keys));
        Assert.Contains("Reads { get; } = global::System.Array.AsReadOnly(new string[] { \"credential:read\" })", run.GeneratedSources.Values.Single());
    }

    [Fact]
    public void The_root_namespace_is_the_default_namespace()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      create: Create.\n";
        const string use = "namespace My.App { public static class Use { public static string Value => Scopes.Workflow.Create; } }";

        var run = GeneratorRunner.Run(manifest, sources: new[] { use }, properties: new Dictionary<string, string> { ["RootNamespace"] = "My.App" }, references: TestCompilation.NetCoreReferences);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("namespace My.App", run.GeneratedSources.Values.Single());
    }

    [Fact]
    public void Without_any_namespace_the_class_is_global()
    {
        const string manifest = "className: ApiScopes\nseparator: \".\"\nresources:\n  workflow:\n    actions:\n      create: Create.\n";
        const string use = "public static class Use { public static string Value => ApiScopes.Workflow.Create; }";

        var run = GeneratorRunner.Run(manifest, sources: new[] { use }, references: TestCompilation.NetCoreReferences);

        Assert.Empty(run.CompilationDiagnostics);
        var source = run.GeneratedSources.Values.Single();
        Assert.DoesNotContain("namespace", source.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        Assert.Contains("public const string Create = \"workflow.create\";", source);
    }

    [Fact]
    public void Names_become_pascal_case_identifiers()
    {
        const string manifest = "namespace: Acme\nresources:\n  api-key:\n    actions:\n      rotate_now: R.\n  execution_tags:\n    actions:\n      list: L.\n  dataTableRow:\n    actions:\n      upsert: U.\n";
        const string use = "namespace Acme { public static class Use { public static string[] Values => new[] { Scopes.ApiKey.RotateNow, Scopes.ExecutionTags.List, Scopes.DataTableRow.Upsert }; } }";

        var run = GeneratorRunner.Run(manifest, sources: new[] { use }, references: TestCompilation.NetCoreReferences);

        Assert.Empty(run.CompilationDiagnostics);
        var values = (string[])Load(run.Output).GetType("Acme.Use")!.GetProperty("Values")!.GetValue(null)!;
        Assert.Equal(new[] { "api-key:rotate_now", "execution_tags:list", "dataTableRow:upsert" }, values);
    }

    private static object[] RunProbe(string manifest, LanguageVersion version)
    {
        var compilation = TestCompilation.Create(new[] { Probe }, TestCompilation.NetCoreReferences, version);
        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText(Manifests.N8nPath, manifest) });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        return (object[])Load(run.Output).GetType("N8n.Api.Probe")!.GetMethod("Values")!.Invoke(null, null)!;
    }

    internal static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }
}
