using N8n.Api;

namespace ScopeGen.Generated.Tests;

/// <summary><c>Scopes.Catalog</c> of the n8n manifest against the manifest as the manifest library reads it.</summary>
public sealed class CatalogTests
{
    [Fact]
    public void Resources_are_in_manifest_order_with_their_descriptions()
    {
        Assert.Equal(Oracle.N8n.Resources.Select(r => r.Name), Scopes.Catalog.Resources.Select(r => r.Name));
        Assert.Equal(Oracle.N8n.Resources.Select(r => r.Description ?? string.Empty), Scopes.Catalog.Resources.Select(r => r.Description));
        Assert.Equal(17, Scopes.Catalog.Resources.Count);
        Assert.Equal("communityPackage", Scopes.Catalog.Resources[0].Name);
        Assert.Equal("Community package scopes", Scopes.Catalog.Resources[0].Description);
        Assert.Equal("workflowTags", Scopes.Catalog.Resources[^1].Name);
    }

    [Fact]
    public void Each_resource_lists_its_scopes_in_manifest_order_with_action_description_and_flags()
    {
        foreach (var (expected, actual) in Oracle.N8n.Resources.Zip(Scopes.Catalog.Resources))
        {
            Assert.Equal(expected.Scopes.Select(s => s.Value), actual.Scopes.Select(s => s.Value));
            Assert.Equal(expected.Scopes.Select(s => s.Action), actual.Scopes.Select(s => s.Action));
            Assert.Equal(expected.Scopes.Select(s => s.Description ?? string.Empty), actual.Scopes.Select(s => s.Description));
            Assert.Equal(expected.Scopes.Select(s => s.IsDeprecated), actual.Scopes.Select(s => s.IsDeprecated));
            Assert.All(actual.Scopes, scope => Assert.Equal(actual.Name, scope.Resource));
        }

        var upsert = Scopes.Catalog.Resources.Single(r => r.Name == "dataTableRow").Scopes[^1];
        Assert.Equal("dataTableRow:upsert", upsert.Value);
        Assert.Equal("upsert", upsert.Action);
        Assert.Equal("Update an existing row in a data table, or insert a new one if no row matches the filter conditions.", upsert.Description);
        Assert.False(upsert.IsDeprecated);
        Assert.Equal(string.Empty, upsert.DeprecationMessage);
    }

    [Fact]
    public void Only_the_scope_the_manifest_marks_reserved_is_reserved_in_the_catalog()
    {
        // manifest/n8n.scopes.yaml marks user.enforceMfa 'reserved: true' and no other action.
        var enforceMfa = Scopes.Catalog.FindScope("user:enforceMfa");
        Assert.NotNull(enforceMfa);
        Assert.True(enforceMfa!.IsReserved);
        Assert.Equal(new[] { "user:enforceMfa" }, Scopes.Catalog.AllScopes.Where(scope => scope.IsReserved).Select(scope => scope.Value));
    }

    [Fact]
    public void All_scopes_are_the_constants_in_manifest_order()
    {
        Assert.Equal(Oracle.N8n.AllScopes.Select(s => s.Value), Scopes.Catalog.AllScopes.Select(s => s.Value));
        Assert.Equal(Scopes.All, Scopes.Catalog.AllScopes.Select(s => s.Value));
        Assert.Equal(Scopes.Catalog.Resources.SelectMany(r => r.Scopes), Scopes.Catalog.AllScopes);
        Assert.Equal(67, Scopes.Catalog.AllScopes.Count);
    }

    [Fact]
    public void Presets_have_name_description_and_expanded_scopes_in_manifest_order()
    {
        Assert.Equal(new[] { "readOnly", "full" }, Scopes.Catalog.Presets.Select(p => p.Name));
        Assert.Equal(new[] { "Every scope that only reads or lists.", "Every scope of the API." }, Scopes.Catalog.Presets.Select(p => p.Description));
        foreach (var (expected, actual) in Oracle.N8n.Presets.Zip(Scopes.Catalog.Presets))
        {
            Assert.Equal(expected.Scopes, actual.Scopes);
            Assert.Equal(string.Join(" ", expected.Scopes), actual.ScopeSet.ToString());
        }

        var readOnly = Scopes.Catalog.Presets[0];
        Assert.Equal(22, readOnly.Scopes.Count);
        Assert.All(readOnly.Scopes, scope => Assert.True(scope.EndsWith(":read", StringComparison.Ordinal) || scope.EndsWith(":list", StringComparison.Ordinal), scope));
        Assert.Equal(Scopes.Presets.ReadOnly, readOnly.Scopes);
        Assert.Equal(Scopes.ScopeSet.All, Scopes.Catalog.Presets[1].ScopeSet);
    }

    [Fact]
    public void Find_returns_the_entry_or_null()
    {
        var read = Scopes.Catalog.FindScope(Scopes.Workflow.Read);
        Assert.NotNull(read);
        Assert.Equal("workflow", read!.Resource);
        Assert.Equal("read", read.Action);
        Assert.Equal("Retrieve a workflow and its details.", read.Description);
        Assert.Same(read, Scopes.Catalog.Resources.Single(r => r.Name == "workflow").Scopes[1]);

        Assert.Null(Scopes.Catalog.FindScope("workflow:Read"));
        Assert.Null(Scopes.Catalog.FindScope(""));
        Assert.Null(Scopes.Catalog.FindScope(null));

        Assert.Same(Scopes.Catalog.Presets[0], Scopes.Catalog.FindPreset("readOnly"));
        Assert.Same(Scopes.Catalog.Presets[1], Scopes.Catalog.FindPreset("full"));
        Assert.Null(Scopes.Catalog.FindPreset("ReadOnly"));
        Assert.Null(Scopes.Catalog.FindPreset(null));
    }

    [Fact]
    public void The_lists_cannot_be_changed_through_a_cast()
    {
        Assert.False(Scopes.Catalog.Resources is Scopes.Catalog.ResourceInfo[]);
        Assert.False(Scopes.Catalog.AllScopes is Scopes.Catalog.ScopeInfo[]);
        Assert.False(Scopes.Catalog.Presets is Scopes.Catalog.PresetInfo[]);
        Assert.False(Scopes.Catalog.Resources[0].Scopes is Scopes.Catalog.ScopeInfo[]);
        Assert.False(Scopes.Catalog.Presets[0].Scopes is string[]);
        Assert.Throws<NotSupportedException>(() => ((IList<Scopes.Catalog.ResourceInfo>)Scopes.Catalog.Resources)[0] = null!);
    }
}
