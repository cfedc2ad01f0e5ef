using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Generator;
using ScopeGen.Testing;

namespace ScopeGen.Tests;

/// <summary>
/// The run-time catalog and scope set on manifests the n8n one does not cover: merged manifests with
/// different separators, deprecated scopes, no scopes at all, and sets wider than two words. Each case
/// compiles a probe against the generated class and runs it. (The n8n manifest is tested as a consumer
/// builds it, in tests/ScopeGen.Generated.Tests.)
/// </summary>
public sealed class GeneratedCatalogTests
{
    /// <summary>Prints the catalog and a few parsed sets of <c>Acme.Scopes</c> as text.</summary>
    private const string Probe = """
        namespace Acme
        {
            public static class Probe
            {
                public static string Describe(string input)
                {
                    var text = new global::System.Text.StringBuilder();
                    foreach (var resource in Scopes.Catalog.Resources)
                    {
                        text.Append(resource.Name).Append(" (").Append(resource.Description).Append(")\n");
                        foreach (var scope in resource.Scopes)
                        {
                            text.Append("  ").Append(scope.Value).Append(" = ").Append(scope.Resource).Append(" + ").Append(scope.Action)
                                .Append(" | ").Append(scope.Description).Append(" | deprecated: ").Append(scope.IsDeprecated).Append(' ').Append(scope.DeprecationMessage).Append('\n');
                        }
                    }

                    foreach (var preset in Scopes.Catalog.Presets)
                    {
                        text.Append("preset ").Append(preset.Name).Append(" (").Append(preset.Description).Append("): ").Append(preset.ScopeSet).Append('\n');
                    }

                    Scopes.ScopeSet set;
                    global::System.Collections.Generic.IReadOnlyList<Scopes.ScopeSet.ParseError> errors;
                    var ok = Scopes.ScopeSet.TryParse(input, Scopes.ScopeSet.ParseOptions.ExpandPresets, out set, out errors);
                    text.Append("parsed: ").Append(ok).Append(" [").Append(set).Append("] count ").Append(set.Count).Append('\n');
                    foreach (var error in errors)
                    {
                        text.Append("error: ").Append(error.Message).Append('\n');
                    }

                    text.Append("all: ").Append(Scopes.ScopeSet.All.Count);
                    return text.ToString();
                }
            }
        }
        """;

    [Fact]
    public void Merged_manifests_with_different_separators_give_each_scope_its_resource_and_action()
    {
        var colon = new InMemoryAdditionalText("/p/a.scopes.yaml", "namespace: Acme\nresources:\n  data-table:\n    description: Tables\n    actions:\n      read-rows: Read rows.\npresets:\n  reads:\n    description: Reading\n    scopes: [\"*:read-rows\", \"api/key-read\"]\n");
        var slash = new InMemoryAdditionalText("/p/b.scopes.yaml", "namespace: Acme\nseparator: \"/\"\nresources:\n  api:\n    actions:\n      key-read: Read keys.\n      key: Keys.\n");

        var output = Run(new[] { colon, slash }, "api/key api/key-read");

        Assert.Equal(
            """
            data-table (Tables)
              data-table:read-rows = data-table + read-rows | Read rows. | deprecated: False 
            api ()
              api/key-read = api + key-read | Read keys. | deprecated: False 
              api/key = api + key | Keys. | deprecated: False 
            preset reads (Reading): data-table:read-rows api/key-read
            parsed: True [api/key-read api/key] count 2
            all: 3
            """.Replace("\r\n", "\n"),
            output);
    }

    [Fact]
    public void Deprecated_scopes_carry_their_flag_and_message_and_still_parse()
    {
        var manifest = new InMemoryAdditionalText("/p/api.scopes.yaml", "namespace: Acme\nresources:\n  workflow:\n    actions:\n      activate:\n        description: Activate.\n        deprecated: Use workflow:publish\n      publish: Publish.\n      run:\n        deprecated: true\npresets:\n  everything:\n    scopes: [\"*\"]\n");

        var output = Run(new[] { manifest }, "workflow:activate workflow:run workflow:publsh");

        Assert.Equal(
            """
            workflow ()
              workflow:activate = workflow + activate | Activate. | deprecated: True Use workflow:publish
              workflow:publish = workflow + publish | Publish. | deprecated: False 
              workflow:run = workflow + run |  | deprecated: True 
            preset everything (): workflow:activate workflow:publish workflow:run
            parsed: False [workflow:activate workflow:run] count 2
            error: 'workflow:publsh' is not a defined scope or preset; did you mean 'workflow:publish'?
            all: 3
            """.Replace("\r\n", "\n"),
            output);
    }

    [Fact]
    public void A_class_without_scopes_has_an_empty_catalog_and_only_the_empty_set()
    {
        var manifest = new InMemoryAdditionalText("/p/api.scopes.yaml", "namespace: Acme\nresources:\n  empty:\n    description: Nothing yet\n");

        var output = Run(new[] { manifest }, "  anything ", expectedGeneratorDiagnostics: 1);

        Assert.Equal(
            """
            empty (Nothing yet)
            parsed: False [] count 0
            error: 'anything' is not a defined scope or preset.
            all: 0
            """.Replace("\r\n", "\n"),
            output);
    }

    [Fact]
    public void Sets_wider_than_two_words_keep_every_scope_in_manifest_order()
    {
        // 150 scopes: three 64-bit words, the last one partly used.
        var yaml = new StringBuilder("namespace: Acme\nresources:\n");
        var expected = new List<string>();
        for (var r = 0; r < 15; r++)
        {
            yaml.Append($"  r{r:D2}:\n    actions:\n");
            for (var a = 9; a >= 0; a--)
            {
                yaml.Append($"      a{a}: A.\n");
                expected.Add($"r{r:D2}:a{a}");
            }
        }

        yaml.Append("presets:\n  lastWord:\n    scopes: [\"r14:*\", \"r13:*\"]\n");
        var input = string.Join(" ", expected.AsEnumerable().Reverse()) + " lastWord";

        var output = Run(new[] { new InMemoryAdditionalText("/p/api.scopes.yaml", yaml.ToString()) }, input);

        var lines = output.Split('\n');
        Assert.Equal($"parsed: True [{string.Join(" ", expected)}] count 150", lines[^2]);
        Assert.Equal("all: 150", lines[^1]);
        Assert.Equal($"preset lastWord (): {string.Join(" ", expected.Skip(130))}", lines[^3]);
    }

    [Fact]
    public void The_templates_are_emitted_whole_and_without_markers()
    {
        foreach (var name in new[] { EmbeddedTemplates.ScopeSet, EmbeddedTemplates.Catalog })
        {
            var body = EmbeddedTemplates.Body(name);
            Assert.True(body.Length > 50, $"{name}: {body.Length} lines");
            Assert.DoesNotContain(body, line => line.Contains("<template>", StringComparison.Ordinal) || line.Contains("namespace ScopeGen.Templates", StringComparison.Ordinal));
            Assert.StartsWith("/// <summary>", body[0], StringComparison.Ordinal);
            Assert.Equal("}", body[^1]);
        }
    }

    [Fact]
    public void Nullable_markers_become_annotations_only_from_CSharp_8()
    {
        const string manifest = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: Read.\n";

        var modern = GeneratorRunner.Run(manifest, references: TestCompilation.NetCoreReferences).GeneratedSources.Values.Single();
        var old = GeneratorRunner.Run(manifest, references: TestCompilation.NetCoreReferences, languageVersion: LanguageVersion.CSharp7_3).GeneratedSources.Values.Single();

        Assert.Contains("public static ScopeInfo? FindScope(string? scope)", modern, StringComparison.Ordinal);
        Assert.DoesNotContain(EmbeddedTemplates.NullableMarker, modern, StringComparison.Ordinal);
        Assert.Contains("public static ScopeInfo/*?*/ FindScope(string/*?*/ scope)", old, StringComparison.Ordinal);
        Assert.DoesNotContain("?>", old, StringComparison.Ordinal);
    }

    private static string Run(AdditionalText[] manifests, string input, int expectedGeneratorDiagnostics = 0)
    {
        var compilation = TestCompilation.Create(new[] { Probe }, TestCompilation.NetCoreReferences);
        var run = GeneratorRunner.Run(compilation, manifests);
        Assert.Equal(expectedGeneratorDiagnostics, run.GeneratorDiagnostics.Length);
        Assert.Empty(run.CompilationDiagnostics);
        var probe = GeneratedCodeTests.Load(run.Output).GetType("Acme.Probe")!;
        return (string)probe.GetMethod("Describe")!.Invoke(null, new object[] { input })!;
    }
}
