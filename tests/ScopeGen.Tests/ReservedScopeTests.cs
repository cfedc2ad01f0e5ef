using ScopeGen.Manifest;
using ScopeGen.Tests.Helpers;

namespace ScopeGen.Tests;

/// <summary><c>reserved: true</c> on an action: parsed, kept through the catalog, refused when it is not a boolean.</summary>
public sealed class ReservedScopeTests
{
    [Fact]
    public void Reserved_is_read_as_a_plain_boolean_and_reaches_the_catalog()
    {
        const string yaml = """
            resources:
              user:
                actions:
                  read: Read a user.
                  enforceMfa:
                    description: Reserved scope.
                    reserved: true
                  invite:
                    reserved: false
            """;

        var result = ManifestParser.Parse("/a.scopes.yaml", yaml);

        Assert.Empty(result.Diagnostics);
        var actions = result.Manifest!.Resources.Single().Actions;
        Assert.Equal(new[] { false, true, false }, actions.Select(a => a.IsReserved));
        Assert.Equal("Reserved scope.", actions[1].Description);
        var (catalog, _) = ScopeCatalog.FromTexts(new[] { ("/a.scopes.yaml", yaml) }, "Demo");
        Assert.Equal(new[] { "user:enforceMfa" }, catalog.Classes.Single().Resources.Single().Scopes.Where(s => s.IsReserved).Select(s => s.Value));
    }

    [Theory]
    [InlineData("reserved: maybe")]
    [InlineData("reserved: \"true\"")]
    [InlineData("reserved: [true]")]
    public void Reserved_that_is_not_a_plain_boolean_is_a_located_SCOPE109(string line)
    {
        var yaml = "resources:\n  user:\n    actions:\n      enforceMfa:\n        " + line + "\n";

        var result = ManifestParser.Parse("/a.scopes.yaml", yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SCOPE109", diagnostic.Id);
        Assert.Equal(4, diagnostic.Span.StartLine);
        Assert.False(result.Manifest!.Resources.Single().Actions.Single().IsReserved);
    }

    [Fact]
    public void The_n8n_manifest_reserves_only_user_enforceMfa()
    {
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Manifests.N8nPath, Manifests.N8n) }, null);

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "user:enforceMfa" }, catalog.Classes.SelectMany(c => c.Resources).SelectMany(r => r.Scopes).Where(s => s.IsReserved).Select(s => s.Value));
    }
}
