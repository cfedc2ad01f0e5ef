using ScopeGen.Manifest;

namespace ScopeGen.Tests;

/// <summary>
/// The catalog's name checks and preset expansion in process (no compilation): every SCOPE104/SCOPE107/SCOPE105
/// the catalog reports, with its message, file and span, and what stays in the catalog. The generator-level
/// tests show the same clashes leave compilable code; these pin the catalog's own decisions.
/// </summary>
public sealed class CatalogClashTests
{
    private const string Path = "/project/api.scopes.yaml";

    [Fact]
    public void Two_actions_mapping_to_one_identifier_are_reported_at_both_and_the_first_is_kept()
    {
        const string manifest = "resources:\n  table:\n    actions:\n      read-rows: R\n      read_rows: R2\n      list: L\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Equal(
            new[]
            {
                "Action 'read_rows' maps to the C# identifier 'ReadRows', which another action of resource 'table' also maps to (api.scopes.yaml(4,7))",
                "Action 'read-rows' maps to the C# identifier 'ReadRows', which another action of resource 'table' also maps to (api.scopes.yaml(5,7))",
            },
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.Equal(("SCOPE104", ManifestSeverity.Error, Path), (d.Id, d.Severity, d.FilePath)));
        Assert.Equal(new[] { (4, 6, 15), (3, 6, 15) }, diagnostics.Select(d => (d.Span.StartLine, d.Span.StartColumn, d.Span.EndColumn)));
        var scopes = catalog.Classes.Single().AllScopes.ToList();
        Assert.Equal(new (string, string, string?)[] { ("table:read-rows", "ReadRows", "R"), ("table:list", "List", "L") }, scopes.Select(s => (s.Value, s.Identifier, s.Description)));
    }

    [Fact]
    public void Two_resources_mapping_to_one_identifier_are_reported_at_both_across_files_and_the_first_is_kept()
    {
        const string a = "resources:\n  data-table:\n    actions:\n      read: R\n";
        const string b = "resources:\n  tag:\n    actions:\n      read: R\n  dataTable:\n    actions:\n      list: L\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b) }, "Acme");

        Assert.Equal(
            new[]
            {
                ("/p/b.scopes.yaml", "Resource 'dataTable' maps to the C# identifier 'DataTable', which another resource also maps to (a.scopes.yaml(2,3))"),
                ("/p/a.scopes.yaml", "Resource 'data-table' maps to the C# identifier 'DataTable', which another resource also maps to (b.scopes.yaml(5,3))"),
            },
            diagnostics.Select(d => (d.FilePath, d.Message)));
        Assert.Equal(new[] { 4, 1 }, diagnostics.Select(d => d.Span.StartLine));
        Assert.Equal(new[] { ("data-table", "DataTable"), ("tag", "Tag") }, catalog.Classes.Single().Resources.Select(r => (r.Name, r.Identifier)));
        Assert.Equal(new[] { "data-table:read", "tag:read" }, catalog.Classes.Single().AllScopes.Select(s => s.Value));
    }

    [Theory]
    [InlineData("resources:\n  all:\n    actions:\n      read: R\n", "all", "Resource 'all' maps to the C# identifier 'All', which is reserved for a member ScopeGen generates", "workflow:read")]
    [InlineData("resources:\n  scope-set:\n    actions:\n      read: R\n", "scope-set", "Resource 'scope-set' maps to the C# identifier 'ScopeSet', which is reserved for a member ScopeGen generates", "workflow:read")]
    [InlineData("resources:\n  scopes:\n    actions:\n      read: R\n", "scopes", "Resource 'scopes' maps to the C# identifier 'Scopes', which is the name of the class that would contain it", "workflow:read")]
    [InlineData("resources:\n  other:\n    actions:\n      read: R\n      all: A\n", "all", "Action 'all' maps to the C# identifier 'All', which is reserved for a member ScopeGen generates", "other:read,workflow:read")]
    [InlineData("resources:\n  other:\n    actions:\n      read: R\n      other: O\n", "other:", "Action 'other' maps to the C# identifier 'Other', which is the name of the class that would contain it", "other:read,workflow:read")]
    public void A_name_that_would_take_a_generated_member_is_left_out(string manifest, string at, string message, string scopes)
    {
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest + "  workflow:\n    actions:\n      read: R\n") }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SCOPE104", message), (diagnostic.Id, diagnostic.Message));
        var start = manifest.LastIndexOf(at, StringComparison.Ordinal);
        var name = at.TrimEnd(':');
        Assert.Equal((start, start + name.Length), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal(scopes.Split(','), catalog.Classes.Single().AllScopes.Select(s => s.Value));
    }

    [Theory]
    [InlineData("All")]
    [InlineData("Presets")]
    [InlineData("IsDefined")]
    [InlineData("FormerNamesOf")]
    public void A_class_name_taken_by_a_generated_member_is_reported_in_every_manifest_of_the_class(string className)
    {
        var a = $"namespace: Acme\nclassName: {className}\nresources:\n  workflow:\n    actions:\n      read: R\n";
        var b = $"namespace: Acme\nclassName: {className}\nresources:\n  tag:\n    actions:\n      read: R\n";
        const string other = "namespace: Acme\nresources:\n  tag:\n    actions:\n      read: R\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b), ("/p/c.scopes.yaml", other) }, null);

        Assert.Equal(new[] { "/p/a.scopes.yaml", "/p/b.scopes.yaml" }, diagnostics.Select(d => d.FilePath));
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("SCOPE107", d.Id);
            Assert.Equal($"The class name '{className}' is taken by a member ScopeGen generates inside the scope class; choose another", d.Message);
            Assert.Equal((1, 11, 1, 11 + className.Length), (d.Span.StartLine, d.Span.StartColumn, d.Span.EndLine, d.Span.EndColumn));
        });
        Assert.Equal(new[] { "Acme.Scopes" }, catalog.Classes.Select(c => c.FullName));
    }

    [Theory]
    [InlineData("all", "All")]
    [InlineData("isDefined", "IsDefined")]
    [InlineData("tryGetDescription", "TryGetDescription")]
    [InlineData("presets", "Presets")]
    [InlineData("catalog", "Catalog")]
    [InlineData("scope-set", "ScopeSet")]
    [InlineData("sorted-scopes", "SortedScopes")]
    [InlineData("sorted_descriptions", "SortedDescriptions")]
    [InlineData("indexOf", "IndexOf")]
    [InlineData("try-get-current", "TryGetCurrent")]
    [InlineData("normalize", "Normalize")]
    [InlineData("former-names-of", "FormerNamesOf")]
    public void A_resource_named_like_a_member_of_the_scope_class_is_left_out(string resource, string member)
    {
        // Each of these is a member the generator emits on the scope class; a nested class of that name would not compile.
        var manifest = $"resources:\n  {resource}:\n    actions:\n      read: R\n  workflow:\n    actions:\n      read: R\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SCOPE104", $"Resource '{resource}' maps to the C# identifier '{member}', which is reserved for a member ScopeGen generates"), (diagnostic.Id, diagnostic.Message));
        Assert.Equal((1, 2), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(new[] { "workflow:read" }, catalog.Classes.Single().AllScopes.Select(s => s.Value));
    }

    [Fact]
    public void Two_presets_mapping_to_one_identifier_are_reported_at_both_and_the_first_is_kept()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      read: R\n      list: L\npresets:\n  read-only:\n    scopes: [\"workflow:read\"]\n  readOnly:\n    scopes: [\"workflow:list\"]\n  other:\n    scopes: [\"workflow:list\"]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Equal(
            new[]
            {
                "Preset 'readOnly' maps to the C# identifier 'ReadOnly', which another preset also maps to (api.scopes.yaml(7,3))",
                "Preset 'read-only' maps to the C# identifier 'ReadOnly', which another preset also maps to (api.scopes.yaml(9,3))",
            },
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.Equal("SCOPE104", d.Id));
        Assert.Equal(new[] { 8, 6 }, diagnostics.Select(d => d.Span.StartLine));
        Assert.Equal(new[] { ("read-only", "ReadOnly"), ("other", "Other") }, catalog.Classes.Single().Presets.Select(p => (p.Name, p.Identifier)));
    }

    [Fact]
    public void The_project_namespace_applies_only_to_manifests_without_their_own()
    {
        var files = new[]
        {
            ("/p/a.scopes.yaml", "namespace: One\nresources:\n  r:\n    actions:\n      a: A\n"),
            ("/p/b.scopes.yaml", "resources:\n  s:\n    actions:\n      a: A\n"),
        };

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(files, "Acme");

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { ("Acme.Scopes", "s:a"), ("One.Scopes", "r:a") }, catalog.Classes.Select(c => (c.FullName, c.AllScopes.Single().Value)));
    }

    [Fact]
    public void Classes_are_ordered_by_namespace_then_class_name_with_the_global_namespace_first()
    {
        var files = new[]
        {
            ("/p/1.scopes.yaml", "namespace: B\nclassName: Alpha\nresources:\n  r:\n    actions:\n      a: A\n"),
            ("/p/2.scopes.yaml", "namespace: A\nclassName: Zulu\nresources:\n  r:\n    actions:\n      a: A\n"),
            ("/p/3.scopes.yaml", "namespace: A\nclassName: Beta\nresources:\n  r:\n    actions:\n      a: A\n"),
            ("/p/4.scopes.yaml", "className: Gamma\nresources:\n  r:\n    actions:\n      a: A\n"),
            ("/p/5.scopes.yaml", "namespace: A\nclassName: Beta\nresources:\n  s:\n    actions:\n      a: A\n"),
        };

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(files, null);

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "Gamma", "A.Beta", "A.Zulu", "B.Alpha" }, catalog.Classes.Select(c => c.FullName));
        Assert.Equal(new[] { "/p/3.scopes.yaml", "/p/5.scopes.yaml" }, catalog.Classes[1].ManifestPaths);
        Assert.Equal(new[] { "r:a", "s:a" }, catalog.Classes[1].AllScopes.Select(s => s.Value));
    }

    [Fact]
    public void A_scope_keeps_its_description_deprecation_and_reserved_flag()
    {
        const string manifest = "resources:\n  workflow:\n    description: Workflows.\n    actions:\n      read: Read.\n      old:\n        description: Old.\n        deprecated: Use read.\n        reserved: true\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Empty(diagnostics);
        var resource = catalog.Classes.Single().Resources.Single();
        Assert.Equal(("workflow", "Workflow", "Workflows."), (resource.Name, resource.Identifier, resource.Description));
        Assert.Equal(
            new[]
            {
                new ScopeDefinition("workflow:read", "read", "Read", "Read.", false, null),
                new ScopeDefinition("workflow:old", "old", "Old", "Old.", true, "Use read.") { IsReserved = true },
            },
            resource.Scopes);
    }

    [Fact]
    public void A_preset_lists_its_scopes_in_manifest_order_once_each_whatever_its_entries()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      read: R\n      list: L\n  tag:\n    actions:\n      read: R\npresets:\n  viewer:\n    description: Reads.\n    scopes: [\"tag:read\", \"*:read\", \"workflow:*\", \"workflow:read\"]\n  admin:\n    scopes: [\"*\"]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Empty(diagnostics);
        Assert.Equal(
            new[]
            {
                new PresetModel("viewer", "Viewer", "Reads.", new[] { "workflow:read", "workflow:list", "tag:read" }.ToEquatableArray()),
                new PresetModel("admin", "Admin", null, new[] { "workflow:read", "workflow:list", "tag:read" }.ToEquatableArray()),
            },
            catalog.Classes.Single().Presets);
    }

    [Theory]
    [InlineData("\"workflow:raed\"", "'workflow:raed' is not a defined scope; did you mean 'workflow:read'?")]
    [InlineData("\"nothing:here\"", "'nothing:here' is not a defined scope")]
    [InlineData("\"*:write\"", "the pattern '*:write' matches no scope")]
    [InlineData("\"w*\"", "the pattern 'w*' matches no scope")]
    public void A_preset_entry_that_selects_nothing_is_reported_where_it_stands(string entry, string message)
    {
        var manifest = $"resources:\n  workflow:\n    actions:\n      read: R\npresets:\n  viewer:\n    scopes: [{entry}, \"workflow:read\"]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SCOPE105", ManifestSeverity.Error, $"Preset 'viewer': {message}"), (diagnostic.Id, diagnostic.Severity, diagnostic.Message));
        var start = manifest.IndexOf(entry, StringComparison.Ordinal);
        Assert.Equal((start, start + entry.Length), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal(new[] { "workflow:read" }, catalog.Classes.Single().Presets.Single().Scopes);
    }

    [Fact]
    public void An_exact_preset_entry_selects_its_scope_even_where_the_separator_also_splits_the_resource_name()
    {
        // 'api-key-read' splits first after 'api'; the entry still names the scope api-key + read exactly.
        const string manifest = "separator: \"-\"\nresources:\n  api-key:\n    actions:\n      read: R\npresets:\n  viewer:\n    scopes: [\"api-key-read\"]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "api-key-read" }, catalog.Classes.Single().Presets.Single().Scopes);
    }

    [Fact]
    public void A_preset_pattern_uses_the_separator_of_its_own_manifest()
    {
        const string a = "namespace: Acme\nseparator: \".\"\nresources:\n  workflow:\n    actions:\n      read: R\npresets:\n  viewer:\n    scopes: [\"workflow.*\"]\n";
        const string b = "namespace: Acme\nresources:\n  tag:\n    actions:\n      read: R\npresets:\n  tagger:\n    scopes: [\"tag:*\", \"*:read\"]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b) }, null);

        Assert.Empty(diagnostics);
        var presets = catalog.Classes.Single().Presets;
        Assert.Equal(new[] { "workflow.read" }, presets[0].Scopes);
        Assert.Equal(new[] { "workflow.read", "tag:read" }, presets[1].Scopes);
    }
}
