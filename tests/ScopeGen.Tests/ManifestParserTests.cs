using ScopeGen.Manifest;
using ScopeGen.Tests.Helpers;

namespace ScopeGen.Tests;

/// <summary>The manifest library on its own: parsing, naming and preset expansion.</summary>
public sealed class ManifestParserTests
{
    [Fact]
    public void The_n8n_manifest_has_67_scopes_in_17_resources_in_seed_order()
    {
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Manifests.N8nPath, Manifests.N8n) }, null);

        Assert.Empty(diagnostics);
        var model = Assert.Single(catalog.Classes);
        Assert.Equal("N8n.Api", model.Namespace);
        Assert.Equal(17, model.Resources.Count);
        Assert.Equal(67, model.AllScopes.Count());
        Assert.Equal("communityPackage", model.Resources[0].Name);
        Assert.Equal("workflowTags", model.Resources[16].Name);
        Assert.All(model.AllScopes, scope => Assert.False(string.IsNullOrWhiteSpace(scope.Description)));
        Assert.Equal(new[] { "readOnly", "full" }, model.Presets.Select(p => p.Name));
    }

    [Fact]
    public void Short_and_long_action_forms_and_empty_values()
    {
        const string yaml = """
            resources:
              workflow:
                actions:
                  create: Create a workflow.
                  read:
                  list: ~
                  activate:
                    description: Activate.
                    deprecated: Use workflow:publish
                  archive:
                    deprecated:
                  quoted: "yes"
                  plain: on
            """;

        var result = ManifestParser.Parse("/a.scopes.yaml", yaml);

        Assert.Empty(result.Diagnostics);
        var actions = result.Manifest!.Resources.Single().Actions;
        Assert.Equal(new[] { "create", "read", "list", "activate", "archive", "quoted", "plain" }, actions.Select(a => a.Name));
        Assert.Equal("Create a workflow.", actions[0].Description);
        Assert.Null(actions[1].Description);
        Assert.Null(actions[2].Description);
        Assert.True(actions[3].IsDeprecated);
        Assert.Equal("Use workflow:publish", actions[3].DeprecationMessage);
        Assert.True(actions[4].IsDeprecated);
        Assert.Null(actions[4].DeprecationMessage);
        Assert.Equal("yes", actions[5].Description);
        Assert.Equal("on", actions[6].Description);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("null", true)]
    [InlineData("data-table_rows2", true)]
    [InlineData("1", false)]
    [InlineData("1e3", false)]
    [InlineData("~", false)]
    [InlineData(".inf", false)]
    [InlineData("_private", false)]
    [InlineData("with space", false)]
    [InlineData("émoji", false)]
    [InlineData("", false)]
    public void Names_follow_the_manifest_pattern(string name, bool valid)
    {
        Assert.Equal(valid, NameRules.IsValidName(name));
    }

    [Fact]
    public void Names_longer_than_the_limit_are_invalid()
    {
        Assert.True(NameRules.IsValidName(new string('a', NameRules.MaxNameLength)));
        Assert.False(NameRules.IsValidName(new string('a', NameRules.MaxNameLength + 1)));
    }

    [Theory]
    [InlineData("dataTableRow", "DataTableRow")]
    [InlineData("api-key", "ApiKey")]
    [InlineData("execution_tags", "ExecutionTags")]
    [InlineData("a--b__c", "ABC")]
    [InlineData("v2", "V2")]
    [InlineData("changeRole", "ChangeRole")]
    public void Identifiers_are_pascal_case(string name, string identifier)
    {
        Assert.Equal(identifier, NameRules.ToIdentifier(name));
    }

    [Theory]
    [InlineData("actons", "actions")]
    [InlineData("descripton", "description")]
    [InlineData("Actions", "actions")]
    [InlineData("resoruces", "resources")]
    [InlineData("zzz", null)]
    public void Closest_names_are_likely_typos_only(string input, string? expected)
    {
        Assert.Equal(expected, NameRules.FindClosest(input, new[] { "actions", "description", "resources", "presets" }));
    }

    [Theory]
    [InlineData("*", new[] { "workflow:read", "workflow:list", "credential:read", "credential:create" })]
    [InlineData("*:read", new[] { "workflow:read", "credential:read" })]
    [InlineData("credential:*", new[] { "credential:read", "credential:create" })]
    [InlineData("workflow:list", new[] { "workflow:list" })]
    [InlineData("*:*", new[] { "workflow:read", "workflow:list", "credential:read", "credential:create" })]
    public void Preset_patterns_expand_in_manifest_order(string pattern, string[] expected)
    {
        var yaml = $"resources:\n  workflow:\n    actions:\n      read: R\n      list: L\n  credential:\n    actions:\n      read: R\n      create: C\npresets:\n  p:\n    scopes: [\"{pattern}\"]\n";

        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { ("/a.scopes.yaml", yaml) }, "Acme");

        Assert.Empty(diagnostics);
        Assert.Equal(expected, catalog.Classes.Single().Presets.Single().Scopes);
    }

    [Fact]
    public void Overlapping_preset_entries_are_not_duplicated_and_keep_manifest_order()
    {
        const string yaml = "resources:\n  a:\n    actions:\n      x: X\n      y: Y\npresets:\n  p:\n    scopes: [\"a:y\", \"a:*\", \"a:y\"]\n";

        var (catalog, _) = ScopeCatalog.FromTexts(new[] { ("/a.scopes.yaml", yaml) }, null);

        Assert.Equal(new[] { "a:x", "a:y" }, catalog.Classes.Single().Presets.Single().Scopes);
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_equal_results()
    {
        var first = ManifestParser.Parse(Manifests.N8nPath, Manifests.N8n);
        var second = ManifestParser.Parse(Manifests.N8nPath, Manifests.N8n);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, ManifestParser.Parse(Manifests.N8nPath, Manifests.N8n.Replace("Create a workflow.", "Create one workflow.")));
    }

    [Fact]
    public void Diagnostics_format_as_msbuild_lines()
    {
        var result = ManifestParser.Parse("/p/api.scopes.yaml", "resources:\n  workflow:\n    actons: {}\n");

        Assert.Contains("/p/api.scopes.yaml(3,5): error SCOPE101: Unknown key 'actons' in resource 'workflow'; did you mean 'actions'?", result.Diagnostics.Select(d => d.ToString()));
    }
}
