using System.Linq;

namespace ScopeGen.Analyzers.Tests;

/// <summary>What the analyzers take a policy name for, given the manifests (<see cref="ScopeIndex"/>).</summary>
public class ScopeIndexTests
{
    private const string ColonManifest = """
        version: 1
        namespace: Colon.Api
        resources:
          workflow:
            actions:
              read: {}
        presets:
          readOnly: [workflow:read]
        """;

    private const string DotManifest = """
        version: 1
        namespace: Dot.Api
        separator: "."
        resources:
          report:
            actions:
              export: {}
        """;

    [Theory]
    [InlineData("workflow:read", true)]
    [InlineData("billing:write", true)]
    [InlineData("report.export", true)]
    [InlineData("invoice.send", true)]
    [InlineData(":admin", false)]
    [InlineData(".admin", false)]
    [InlineData("AdminOnly", false)]
    public void A_name_looks_like_a_scope_when_any_manifest_separator_stands_after_its_first_character(string name, bool expected)
    {
        var index = ScopeIndex.Build(new[] { ("/p/colon.scopes.yaml", ColonManifest), ("/p/dot.scopes.yaml", DotManifest) }, rootNamespace: null);

        Assert.Equal(expected, index.LooksLikeScope(name));
    }

    [Fact]
    public void A_policy_name_one_typo_from_a_scope_is_matched_to_the_scope_as_well_as_to_presets()
    {
        var index = ScopeIndex.Build(new[] { ("/p/colon.scopes.yaml", ColonManifest) }, rootNamespace: null);

        Assert.Equal("workflow:read", index.FindClosestPolicy("workflow;read"));
        Assert.Equal("readOnly", index.FindClosestPolicy("readOnIy"));
        Assert.Null(index.FindClosestPolicy("ReadOnly"));
    }
}
