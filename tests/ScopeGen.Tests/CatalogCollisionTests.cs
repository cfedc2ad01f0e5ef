using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Manifest;
using ScopeGen.Testing;

namespace ScopeGen.Tests;

/// <summary>
/// What the catalog does when manifests clash: names that map to one C# identifier, names that take a
/// generated member, and definitions repeated across files. Each clash is a located SCOPE1xx diagnostic at
/// every place involved, and the generated code still compiles with the first definition kept.
/// </summary>
public sealed class CatalogCollisionTests
{
    private const string Path = "/project/api.scopes.yaml";

    [Fact]
    public void Two_actions_mapping_to_one_identifier_are_reported_at_both_and_the_code_compiles()
    {
        const string manifest = "namespace: Acme\nresources:\n  table:\n    actions:\n      read-rows: Read rows.\n      read_rows: Read rows again.\n      list: List.\n";
        const string program = "namespace Acme { public static class Use { public const string Value = Scopes.Table.ReadRows; public const string Other = Scopes.Table.List; } }";

        var run = GeneratorRunner.Run(manifest, Path, new[] { program }, references: TestCompilation.NetCoreReferences);

        var collisions = run.GeneratorDiagnostics.Where(d => d.Id == "SCOPE104").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, collisions.Count);
        Assert.All(collisions, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(SpanOf(manifest, "read-rows"), collisions[0].Location.SourceSpan);
        Assert.Equal(SpanOf(manifest, "read_rows"), collisions[1].Location.SourceSpan);
        Assert.All(collisions, d => Assert.Equal(Path, d.Location.GetLineSpan().Path));
        Assert.Equal("Action 'read-rows' maps to the C# identifier 'ReadRows', which another action of resource 'table' also maps to (api.scopes.yaml(6,7))", collisions[0].GetMessage());
        Assert.Equal("Action 'read_rows' maps to the C# identifier 'ReadRows', which another action of resource 'table' also maps to (api.scopes.yaml(5,7))", collisions[1].GetMessage());
        Assert.Empty(run.CompilationDiagnostics);

        // The first action keeps the constant; the second defines no scope at all.
        Assert.Equal("table:read-rows", ConstantOf(run, "Acme.Scopes+Table", "ReadRows"));
        Assert.Equal(new object[] { "table:read-rows", "table:list" }, AllOf(run, "Acme.Scopes+Table"));
    }

    [Fact]
    public void Action_collisions_are_checked_per_resource()
    {
        // The same action name in two resources is two scopes, not a collision.
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, "resources:\n  a:\n    actions:\n      read-rows: R\n  b:\n    actions:\n      read_rows: R\n") }, null);

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "a:read-rows", "b:read_rows" }, catalog.Classes.Single().AllScopes.Select(s => s.Value));
        Assert.All(catalog.Classes.Single().AllScopes, s => Assert.Equal("ReadRows", s.Identifier));
    }

    [Fact]
    public void Two_presets_mapping_to_one_identifier_are_reported_at_both_and_the_code_compiles()
    {
        const string manifest = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: R\n      list: L\npresets:\n  read-only:\n    scopes: [\"workflow:read\"]\n  readOnly:\n    scopes: [\"workflow:list\"]\n";
        const string program = "namespace Acme { public static class Use { public static object Value => Scopes.Presets.ReadOnly; } }";

        var run = GeneratorRunner.Run(manifest, Path, new[] { program }, references: TestCompilation.NetCoreReferences);

        var collisions = run.GeneratorDiagnostics.Where(d => d.Id == "SCOPE104").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, collisions.Count);
        Assert.Equal(SpanOf(manifest, "read-only"), collisions[0].Location.SourceSpan);
        Assert.Equal(SpanOf(manifest, "readOnly"), collisions[1].Location.SourceSpan);
        Assert.Equal("Preset 'read-only' maps to the C# identifier 'ReadOnly', which another preset also maps to (api.scopes.yaml(10,3))", collisions[0].GetMessage());
        Assert.Empty(run.CompilationDiagnostics);

        var (catalog, _) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, null);
        var preset = Assert.Single(catalog.Classes.Single().Presets);
        Assert.Equal("read-only", preset.Name);
        Assert.Equal(new[] { "workflow:read" }, preset.Scopes);
    }

    [Theory]
    [InlineData("presets", "Presets", "is the name of the class that would contain it")]
    [InlineData("tryGetScopes", "TryGetScopes", "is reserved for a member ScopeGen generates")]
    [InlineData("names", "Names", "is reserved for a member ScopeGen generates")]
    public void A_preset_that_would_take_a_generated_member_is_a_collision(string name, string identifier, string reason)
    {
        var manifest = $"resources:\n  workflow:\n    actions:\n      read: R\npresets:\n  {name}:\n    scopes: [\"*\"]\n  fine:\n    scopes: [\"*\"]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SCOPE104", diagnostic.Id);
        Assert.Equal($"Preset '{name}' maps to the C# identifier '{identifier}', which {reason}", diagnostic.Message);
        var start = manifest.IndexOf("\n  " + name + ":", StringComparison.Ordinal) + 3;
        Assert.Equal((start, start + name.Length), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal(new[] { "fine" }, catalog.Classes.Single().Presets.Select(p => p.Name));
    }

    [Fact]
    public void A_resource_named_like_its_class_is_a_collision()
    {
        const string manifest = "className: Grants\nresources:\n  grants:\n    actions:\n      read: R\n  workflow:\n    actions:\n      read: R\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Resource 'grants' maps to the C# identifier 'Grants', which is the name of the class that would contain it", diagnostic.Message);
        Assert.Equal((2, 2), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(new[] { "workflow:read" }, catalog.Classes.Single().AllScopes.Select(s => s.Value));
    }

    [Fact]
    public void Duplicate_presets_across_files_are_reported_in_both_files()
    {
        const string a = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: R\npresets:\n  viewer:\n    scopes: [\"workflow:read\"]\n";
        const string b = "namespace: Acme\nresources:\n  tag:\n    actions:\n      read: R\npresets:\n  other:\n    scopes: [\"tag:read\"]\n  viewer:\n    scopes: [\"tag:read\"]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b) }, null);

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("SCOPE102", d.Id));
        var inA = Assert.Single(diagnostics, d => d.FilePath == "/p/a.scopes.yaml");
        var inB = Assert.Single(diagnostics, d => d.FilePath == "/p/b.scopes.yaml");
        Assert.Equal("Duplicate preset 'viewer' (also defined in b.scopes.yaml(9,3))", inA.Message);
        Assert.Equal("Duplicate preset 'viewer' (also defined in a.scopes.yaml(7,3))", inB.Message);
        Assert.Equal((6, 2), (inA.Span.StartLine, inA.Span.StartColumn));
        Assert.Equal((8, 2), (inB.Span.StartLine, inB.Span.StartColumn));

        // The first file's preset is kept; the other file's presets still count.
        var presets = catalog.Classes.Single().Presets;
        Assert.Equal(new[] { "viewer", "other" }, presets.Select(p => p.Name));
        Assert.Equal(new[] { "workflow:read" }, presets[0].Scopes);
    }

    [Fact]
    public void Duplicate_resources_and_scopes_across_files_are_reported_in_both_files()
    {
        const string a = "resources:\n  workflow:\n    actions:\n      read: R\n";
        const string b = "resources:\n  workflow:\n    actions:\n      list: L\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b) }, "Acme");

        Assert.Equal(2, diagnostics.Count);
        Assert.Equal("Duplicate resource 'workflow' (also defined in a.scopes.yaml(2,3))", Assert.Single(diagnostics, d => d.FilePath == "/p/b.scopes.yaml").Message);
        Assert.Equal("Duplicate resource 'workflow' (also defined in b.scopes.yaml(2,3))", Assert.Single(diagnostics, d => d.FilePath == "/p/a.scopes.yaml").Message);
        Assert.Equal(new[] { "workflow:read" }, catalog.Classes.Single().AllScopes.Select(s => s.Value));
    }

    [Fact]
    public void The_same_scope_from_two_resources_is_a_duplicate()
    {
        // With '-' as separator, resource 'a' + action 'b-c' and resource 'a-b' + action 'c' are the same scope.
        const string a = "separator: \"-\"\nresources:\n  a:\n    actions:\n      b-c: X\n";
        const string b = "separator: \"-\"\nresources:\n  a-b:\n    actions:\n      c: Y\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b) }, "Acme");

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("SCOPE102", d.Id));
        Assert.Equal("Duplicate scope 'a-b-c' (also defined in a.scopes.yaml(5,7))", Assert.Single(diagnostics, d => d.FilePath == "/p/b.scopes.yaml").Message);
        Assert.Equal(new[] { "a-b-c" }, catalog.Classes.Single().AllScopes.Select(s => s.Value));
    }

    [Fact]
    public void Manifests_in_different_classes_do_not_clash()
    {
        const string a = "namespace: One\nresources:\n  workflow:\n    actions:\n      read: R\n";
        const string b = "namespace: Two\nresources:\n  workflow:\n    actions:\n      read: R\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/b.scopes.yaml", b), ("/p/a.scopes.yaml", a) }, null);

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "One.Scopes", "Two.Scopes" }, catalog.Classes.Select(c => c.FullName));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("Not..Valid", null)]
    [InlineData("My.App", "My.App")]
    public void The_default_namespace_applies_only_when_valid(string? defaultNamespace, string? expected)
    {
        var (catalog, _) = ScopeCatalog.FromTexts(new[] { (Path, "resources:\n  workflow:\n    actions:\n      read: R\n") }, defaultNamespace);

        var model = Assert.Single(catalog.Classes);
        Assert.Equal(expected, model.Namespace);
        Assert.Equal(expected is null ? "Scopes" : expected + ".Scopes", model.FullName);
    }

    [Fact]
    public void FromTexts_returns_the_parser_and_the_catalog_diagnostics_in_that_order()
    {
        const string a = "resources:\n  workflow:\n    actons: {}\n    actions:\n      read: R\n";
        const string b = "resources:\n  workflow:\n    actions:\n      read: R\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b) }, null);

        Assert.Equal(new[] { "SCOPE101", "SCOPE102", "SCOPE102" }, diagnostics.Select(d => d.Id));
        Assert.Equal("/p/a.scopes.yaml", diagnostics[0].FilePath);
        Assert.Equal(catalog.Diagnostics.ToArray(), diagnostics.Skip(1).ToArray());
    }

    [Fact]
    public void FromTexts_skips_an_unreadable_file_but_keeps_its_diagnostic()
    {
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", "- not a mapping\n"), ("/p/b.scopes.yaml", "resources:\n  tag:\n    actions:\n      read: R\n") }, null);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SCOPE109", "/p/a.scopes.yaml"), (diagnostic.Id, diagnostic.FilePath));
        Assert.Equal(new[] { "/p/b.scopes.yaml" }, catalog.Classes.Single().ManifestPaths);
    }

    [Fact]
    public void A_preset_resolves_against_scopes_of_every_merged_file()
    {
        const string a = "resources:\n  workflow:\n    actions:\n      read: R\npresets:\n  viewer:\n    scopes: [\"*:read\", \"tag:list\", \"nothing:*\", \"tag\"]\n";
        const string b = "resources:\n  tag:\n    actions:\n      read: R\n      list: L\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b) }, null);

        Assert.Equal(new[] { "workflow:read", "tag:read", "tag:list" }, catalog.Classes.Single().Presets.Single().Scopes);
        Assert.Equal(
            new[] { "Preset 'viewer': the pattern 'nothing:*' matches no scope", "Preset 'viewer': 'tag' is not a defined scope" },
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.Equal(("SCOPE105", "/p/a.scopes.yaml"), (d.Id, d.FilePath)));
        Assert.Equal(SourceOf(a, "\"nothing:*\"", "\"nothing:*\"".Length), (diagnostics[0].Span.StartOffset, diagnostics[0].Span.EndOffset));
    }

    [Theory]
    [InlineData("*", "r", "a", true)]
    [InlineData("r:*", "r", "a", true)]
    [InlineData("x:*", "r", "a", false)]
    [InlineData("*:a", "r", "a", true)]
    [InlineData("*:b", "r", "a", false)]
    [InlineData("r:a", "r", "a", true)]
    [InlineData("r:b", "r", "a", false)]
    [InlineData("r:a*", "r", "a", false)]
    [InlineData("*r:a", "r", "a", false)]
    [InlineData("ra", "r", "a", false)]
    public void Preset_patterns_match_by_whole_parts(string pattern, string resource, string action, bool matches)
    {
        var scope = new ScopeDefinition(resource + ":" + action, action, "A", null, false, null);

        Assert.Equal(matches, ScopeCatalog.Matches(pattern, ":", resource, scope));
    }

    [Fact]
    public void A_pattern_with_a_longer_separator_splits_after_the_whole_separator()
    {
        var scope = new ScopeDefinition("r::a", "a", "A", null, false, null);

        Assert.True(ScopeCatalog.Matches("r::*", "::", "r", scope));
        Assert.True(ScopeCatalog.Matches("*::a", "::", "r", scope));
        Assert.False(ScopeCatalog.Matches("*::b", "::", "r", scope));
        Assert.True(ScopeCatalog.Matches("r::a", "::", "r", scope));
    }

    private static TextSpan SpanOf(string text, string value)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{value}' not in the text");
        return new TextSpan(start, value.Length);
    }

    private static (int Start, int End) SourceOf(string text, string value, int length)
    {
        var start = SpanOf(text, value).Start;
        return (start, start + length);
    }

    private static object? ConstantOf(GeneratorRun run, string type, string member)
    {
        var symbol = run.Output.GetTypeByMetadataName(type);
        Assert.NotNull(symbol);
        var field = Assert.IsAssignableFrom<IFieldSymbol>(Assert.Single(symbol!.GetMembers(member)));
        return field.ConstantValue;
    }

    private static object?[] AllOf(GeneratorRun run, string type) =>
        run.Output.GetTypeByMetadataName(type)!.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.ConstantValue).ToArray();
}
