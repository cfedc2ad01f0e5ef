using ScopeGen.Manifest;

namespace ScopeGen.Tests;

/// <summary>
/// <c>renamedFrom</c> through the parser and the catalog: which former names become renames (and with which
/// resource, class and constant), and every reason one is refused, as a located diagnostic with its message.
/// A rename lets a key holding the former string satisfy the new scope, so a wrong one is a grant.
/// </summary>
public sealed class RenameCatalogTests
{
    private const string Path = "/project/api.scopes.yaml";

    [Fact]
    public void Valid_former_names_become_renames_with_their_class_and_constant()
    {
        const string manifest = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: R\n      activate:\n        renamedFrom: [workflow:publish, legacy:toggle]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, null);

        Assert.Empty(diagnostics);
        var model = catalog.Classes.Single();
        Assert.Equal(
            new[]
            {
                new RenameModel("workflow:publish", "workflow:activate", "workflow", "Workflow", "Publish", "Workflow.Activate", FormerResourceIsLive: true),
                new RenameModel("legacy:toggle", "workflow:activate", "legacy", "Legacy", "Toggle", "Workflow.Activate", FormerResourceIsLive: false),
            },
            model.Renames);
        Assert.Equal(new[] { "workflow:publish", "legacy:toggle" }, model.AllScopes.Single(s => s.Action == "activate").RenamedFrom);
        Assert.Empty(model.AllScopes.Single(s => s.Action == "read").RenamedFrom);
    }

    [Fact]
    public void A_separator_that_names_may_contain_splits_at_a_live_resource_first_then_at_the_first_valid_split()
    {
        // 'api-key-add' splits as api + key-add and as api-key + add: the live resource 'api-key' wins.
        // 'old-thing-x' has no live resource: the first split into two valid names (old + thing-x) is taken.
        const string manifest = "separator: \"-\"\nresources:\n  tag:\n    actions:\n      read: R\n  api-key:\n    actions:\n      create:\n        renamedFrom: [api-key-add, old-thing-x]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Empty(diagnostics);
        Assert.Equal(
            new[]
            {
                new RenameModel("api-key-add", "api-key-create", "api-key", "ApiKey", "Add", "ApiKey.Create", FormerResourceIsLive: true),
                new RenameModel("old-thing-x", "api-key-create", "old", "Old", "ThingX", "ApiKey.Create", FormerResourceIsLive: false),
            },
            catalog.Classes.Single().Renames);
    }

    [Fact]
    public void Two_former_names_of_one_former_resource_share_its_class()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [old:a, old:b]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { ("Old", "A"), ("Old", "B") }, catalog.Classes.Single().Renames.Select(r => (r.FormerResourceIdentifier, r.FormerIdentifier)));
    }

    [Theory]
    [InlineData(":", "\"workflow\"", "resource:action")]
    [InlineData(":", "\"workflow:9x\"", "resource:action")]
    [InlineData(":", "\"9w:x\"", "resource:action")]
    [InlineData(":", "\":x\"", "resource:action")]
    [InlineData(":", "\"x:\"", "resource:action")]
    [InlineData(":", "\"a:b:c\"", "resource:action")]
    [InlineData(".", "\"workflow:x\"", "resource.action")]
    [InlineData("x", "\"xaxb\"", "resourcexaction")] // the separator first: no resource before it, whatever follows
    public void A_former_name_that_is_not_resource_separator_action_is_refused(string separator, string former, string shape)
    {
        var manifest = $"separator: \"{separator}\"\nresources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: {former}\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SCOPE110", diagnostic.Id);
        Assert.Equal(ManifestSeverity.Error, diagnostic.Severity);
        Assert.Equal($"'{former.Trim('"')}' is not a scope string of this manifest: a former name is {shape}, each a valid name ([A-Za-z][A-Za-z0-9_-]*)", diagnostic.Message);
        Assert.Equal(SpanOf(manifest, former), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Empty(catalog.Classes.Single().Renames);
        Assert.Empty(catalog.Classes.Single().AllScopes.Single().RenamedFrom);
    }

    [Fact]
    public void The_scope_itself_is_not_a_former_name()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:activate\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SCOPE110", "'workflow:activate' is the scope itself: 'renamedFrom' lists the names the scope had before"), (diagnostic.Id, diagnostic.Message));
        Assert.Equal(SpanOf(manifest, "workflow:activate"), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Empty(catalog.Classes.Single().Renames);
    }

    [Fact]
    public void A_live_scope_is_not_a_former_name_and_a_former_name_of_it_is_not_a_cycle()
    {
        // publish is still defined (so it cannot be a former name of activate); publish's own former name
        // is something else, so this is not a cycle, and that rename stands.
        const string manifest = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:publish\n      publish:\n        renamedFrom: workflow:other\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SCOPE110", diagnostic.Id);
        Assert.Equal("'workflow:publish' is still a scope of the manifest (api.scopes.yaml(6,7)); a former name must no longer be defined, so a key holding it means one scope only", diagnostic.Message);
        Assert.Equal(SpanOf(manifest, "workflow:publish"), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal(new[] { ("workflow:other", "workflow:publish") }, catalog.Classes.Single().Renames.Select(r => (r.Former, r.Current)));
    }

    [Fact]
    public void A_cycle_names_both_scopes_and_the_other_end()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:publish\n      publish:\n        renamedFrom: workflow:activate\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Equal(
            new[]
            {
                "Rename cycle: 'workflow:activate' is renamed from 'workflow:publish' and 'workflow:publish' from 'workflow:activate' (api.scopes.yaml(6,7)); a scope cannot be its own former name",
                "Rename cycle: 'workflow:publish' is renamed from 'workflow:activate' and 'workflow:activate' from 'workflow:publish' (api.scopes.yaml(4,7)); a scope cannot be its own former name",
            },
            diagnostics.Select(d => d.Message));
        Assert.Empty(catalog.Classes.Single().Renames);
    }

    [Fact]
    public void A_former_name_of_three_actions_names_the_others_at_each_and_no_rename_of_it_stands()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:toggle\n      deactivate:\n        renamedFrom: workflow:toggle\n      archive:\n        renamedFrom: [workflow:old, workflow:toggle]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var at5 = Position(manifest, "workflow:toggle", 0);
        var at7 = Position(manifest, "workflow:toggle", 1);
        var at9 = Position(manifest, "workflow:toggle", 2);
        Assert.Equal(("(5,22)", "(7,22)", "(9,37)"), (at5, at7, at9));
        Assert.Equal(
            new[]
            {
                $"'workflow:toggle' is listed as a former name of 'workflow:activate' and also of 'workflow:deactivate' (api.scopes.yaml{at7}), 'workflow:archive' (api.scopes.yaml{at9}); a former name can lead to one scope only",
                $"'workflow:toggle' is listed as a former name of 'workflow:deactivate' and also of 'workflow:activate' (api.scopes.yaml{at5}), 'workflow:archive' (api.scopes.yaml{at9}); a former name can lead to one scope only",
                $"'workflow:toggle' is listed as a former name of 'workflow:archive' and also of 'workflow:activate' (api.scopes.yaml{at5}), 'workflow:deactivate' (api.scopes.yaml{at7}); a former name can lead to one scope only",
            },
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.Equal("SCOPE110", d.Id));
        Assert.Equal(new[] { 4, 6, 8 }, diagnostics.Select(d => d.Span.StartLine));

        // The unambiguous former name of the same action still stands.
        Assert.Equal(new[] { ("workflow:old", "workflow:archive") }, catalog.Classes.Single().Renames.Select(r => (r.Former, r.Current)));
    }

    [Fact]
    public void A_former_name_of_two_actions_is_refused_at_both()
    {
        const string manifest = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:toggle\n      deactivate:\n        renamedFrom: workflow:toggle\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Equal(
            new[]
            {
                "'workflow:toggle' is listed as a former name of 'workflow:activate' and also of 'workflow:deactivate' (api.scopes.yaml(7,22)); a former name can lead to one scope only",
                "'workflow:toggle' is listed as a former name of 'workflow:deactivate' and also of 'workflow:activate' (api.scopes.yaml(5,22)); a former name can lead to one scope only",
            },
            diagnostics.Select(d => d.Message));
        Assert.Empty(catalog.Classes.Single().Renames);
    }

    [Fact]
    public void The_same_former_name_for_the_same_scope_in_two_files_is_not_ambiguous_but_takes_one_constant()
    {
        // Both files define workflow:activate (a duplicate, SCOPE102) with the same former name: it leads to
        // one scope, so it is not SCOPE110's ambiguity; the second listing finds the constant taken.
        const string a = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:publish\n";
        const string b = "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:publish\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/p/a.scopes.yaml", a), ("/p/b.scopes.yaml", b) }, "Acme");

        Assert.Equal(new[] { "SCOPE102", "SCOPE102", "SCOPE104" }, diagnostics.Select(d => d.Id));
        Assert.Equal("/p/b.scopes.yaml", diagnostics[2].FilePath);
        Assert.Equal("Former scope 'workflow:publish' maps to the C# identifier 'Workflow.Publish', which another former name, 'workflow:publish', also maps to (a.scopes.yaml(5,22))", diagnostics[2].Message);
        Assert.Equal(new[] { ("workflow:publish", "workflow:activate") }, catalog.Classes.Single().Renames.Select(r => (r.Former, r.Current)));
    }

    [Fact]
    public void An_action_left_out_for_a_collision_renames_nothing_but_its_scope_string_is_still_taken()
    {
        const string manifest = "resources:\n  table:\n    actions:\n      read-rows: R\n      read_rows:\n        renamedFrom: table:old\n      list:\n        renamedFrom: table:read_rows\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        Assert.Equal(new[] { "SCOPE104", "SCOPE104", "SCOPE110" }, diagnostics.Select(d => d.Id));
        Assert.Equal("'table:read_rows' is still a scope of the manifest (api.scopes.yaml(5,7)); a former name must no longer be defined, so a key holding it means one scope only", diagnostics[2].Message);
        Assert.Empty(catalog.Classes.Single().Renames);
    }

    [Theory]
    [InlineData("workflow:all", "Workflow.All", "is reserved for a member ScopeGen generates")]
    [InlineData("workflow:workflow", "Workflow.Workflow", "is the name of the class that would contain it")]
    [InlineData("workflow:Read", "Workflow.Read", "is the constant of the live scope 'workflow:read'")]
    [InlineData("normalize:x", "Normalize.X", "is reserved for a member ScopeGen generates")]
    [InlineData("scopes:x", "Scopes.X", "is the name of the class that would contain it")]
    [InlineData("Workflow:publish", "Workflow.Publish", "is the class of the resource 'workflow' (api.scopes.yaml(2,3))")]
    [InlineData("legacy:legacy", "Legacy.Legacy", "is the name of the class that would contain it")]
    [InlineData("Workflow:workflow", "Workflow.Workflow", "is the class of the resource 'workflow' (api.scopes.yaml(2,3))")] // both clashes: the resource's is named
    public void A_former_name_whose_constant_would_clash_is_refused(string former, string identifier, string reason)
    {
        var manifest = $"resources:\n  workflow:\n    actions:\n      read: R\n      activate:\n        renamedFrom: [{former}, workflow:publish2]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SCOPE104", ManifestSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal($"Former scope '{former}' maps to the C# identifier '{identifier}', which {reason}", diagnostic.Message);
        Assert.Equal(SpanOf(manifest, former), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal(new[] { "workflow:publish2" }, catalog.Classes.Single().Renames.Select(r => r.Former));
    }

    [Theory]
    [InlineData("[workflow:publish, workflow:Publish]", "workflow:Publish", "Workflow.Publish", "another former name, 'workflow:publish', also maps to (api.scopes.yaml(6,23))")]
    [InlineData("[old-res:a, old_res:b]", "old_res:b", "OldRes.B", "is also the class of the former resource 'old-res'")]
    public void Two_former_names_that_would_clash_keep_the_first(string list, string second, string identifier, string reason)
    {
        var manifest = $"resources:\n  workflow:\n    actions:\n      read: R\n      activate:\n        renamedFrom: {list}\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SCOPE104", diagnostic.Id);
        Assert.Equal($"Former scope '{second}' maps to the C# identifier '{identifier}', which {reason}", diagnostic.Message);
        Assert.Equal(SpanOf(manifest, second), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal(new[] { list.Substring(1, list.IndexOf(',') - 1) }, catalog.Classes.Single().Renames.Select(r => r.Former));
    }

    [Theory]
    [InlineData("{a: b}", "SCOPE109", "{a: b}", "A 'renamedFrom' entry of action 'workflow.activate' must be a single value, not a mapping")]
    [InlineData("[[workflow:x]]", "SCOPE109", "[workflow:x]", "A 'renamedFrom' entry of action 'workflow.activate' must be a single value, not a list")]
    [InlineData("[~]", "SCOPE110", "~", "'~' is not a scope string: a former name of action 'workflow.activate' must be non-empty and contain no whitespace")]
    [InlineData("[\"\"]", "SCOPE110", "\"\"", "'' is not a scope string: a former name of action 'workflow.activate' must be non-empty and contain no whitespace")]
    [InlineData("\"workflow:a\\x01\"", "SCOPE110", "\"workflow:a\\x01\"", "'workflow:a\u0001' is not a scope string: a former name of action 'workflow.activate' must be non-empty and contain no whitespace")]
    [InlineData("\"workflow:\\u00a0x\"", "SCOPE110", "\"workflow:\\u00a0x\"", "'workflow:\u00a0x' is not a scope string: a former name of action 'workflow.activate' must be non-empty and contain no whitespace")]
    [InlineData("[workflow:x, workflow:x]", "SCOPE102", "workflow:x", "Duplicate former scope 'workflow:x' (first listed at line 5)")]
    public void A_renamedFrom_entry_of_the_wrong_form_is_refused_where_it_stands(string value, string id, string at, string message)
    {
        var manifest = $"resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: {value}\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, manifest) }, "Acme");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((id, message), (diagnostic.Id, diagnostic.Message));
        Assert.Equal(SpanOf(manifest, at), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));

        // A refused entry renames nothing; the first of a repeated one stands.
        Assert.Equal(id == "SCOPE102" ? new[] { "workflow:x" } : Array.Empty<string>(), catalog.Classes.Single().Renames.Select(r => r.Former));
    }

    [Fact]
    public void Former_names_that_are_not_duplicates_are_all_kept_in_order()
    {
        var result = ManifestParser.Parse(Path, "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: [workflow:b, workflow:a, legacy:b]\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "workflow:b", "workflow:a", "legacy:b" }, result.Manifest!.Resources[0].Actions[0].RenamedFrom.Select(f => f.Value));
    }

    private static (int Start, int End) SpanOf(string text, string value)
    {
        var start = text.LastIndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{value}' not in the text");
        return (start, start + value.Length);
    }

    /// <summary>The one-based (line,column) of the <paramref name="occurrence"/>-th <paramref name="value"/>, as messages print it.</summary>
    private static string Position(string text, string value, int occurrence)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(value, at + 1, StringComparison.Ordinal);
        }

        var line = text.Take(at).Count(c => c == '\n');
        var column = at - (text.LastIndexOf('\n', at - 1) + 1);
        return $"({line + 1},{column + 1})";
    }
}
