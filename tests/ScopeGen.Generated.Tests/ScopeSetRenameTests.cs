using N8n.Api;
using ScopeGen.Generated.Tests.Renames;
using ScopeGen.Manifest;
using ScopeSet = N8n.Api.Scopes.ScopeSet;

namespace ScopeGen.Generated.Tests;

/// <summary>
/// Former names (<c>renamedFrom</c>) in <c>ScopeSet</c>: a grant stored before a rename parses to the
/// current scopes and is written back under them. The n8n manifest renames <c>workflow:deactivate</c> to
/// <c>workflow:activate</c>; renames.scopes.yaml and tiny.scopes.yaml add the harder shapes.
/// </summary>
public sealed class ScopeSetRenameTests
{
    private const string Former = "workflow:deactivate";

    [Fact]
    public void A_grant_stored_with_a_former_name_parses_to_the_current_scope_and_is_written_back_migrated()
    {
        var set = ScopeSet.Parse("tag:read workflow:deactivate workflow:read");
        var fromCurrent = ScopeSet.Parse("workflow:read workflow:activate tag:read");

        Assert.Equal(3, set.Count);
        Assert.Equal(new[] { "tag:read", "workflow:read", "workflow:activate" }, set);
        // Re-saving ToString() migrates the stored text: the former name is gone, in manifest order.
        Assert.Equal("tag:read workflow:read workflow:activate", set.ToString());
        Assert.Equal(set, ScopeSet.Parse(set.ToString()));
        Assert.True(set == fromCurrent);
        Assert.Equal(fromCurrent.GetHashCode(), set.GetHashCode());
        Assert.True(set.IsSubsetOf(fromCurrent) && fromCurrent.IsSubsetOf(set));
    }

    [Fact]
    public void Every_parse_entry_point_accepts_a_former_name_as_the_current_scope()
    {
        var current = ScopeSet.Parse(Scopes.Workflow.Activate);
        var list = new[] { Former };

        Assert.Equal(current, ScopeSet.Parse(Former));
        Assert.Equal(current, ScopeSet.Parse(Former, ScopeSet.ParseOptions.ExpandPresets));
        Assert.Equal(current, ScopeSet.Parse(list));
        Assert.Equal(current, ScopeSet.Parse(list, ScopeSet.ParseOptions.ExpandPresets));

        Assert.True(ScopeSet.TryParse(Former, out var text));
        Assert.True(ScopeSet.TryParse(Former, ScopeSet.ParseOptions.None, out var textWithErrors, out var textErrors));
        Assert.True(ScopeSet.TryParse(list, out var fromList));
        Assert.True(ScopeSet.TryParse(list, ScopeSet.ParseOptions.ExpandPresets, out var listWithErrors, out var listErrors));
        Assert.Empty(textErrors);
        Assert.Empty(listErrors);
        Assert.All(new[] { text, textWithErrors, fromList, listWithErrors }, set => Assert.Equal("workflow:activate", set.ToString()));
    }

    [Fact]
    public void A_former_and_the_current_name_of_one_scope_collapse_into_one()
    {
        var set = ScopeSet.Parse("workflow:activate workflow:deactivate\tworkflow:deactivate");

        Assert.Equal("workflow:activate", Assert.Single(set));
        Assert.Equal(set, ScopeSet.Parse(new[] { Former, Scopes.Workflow.Activate }));
    }

    [Fact]
    public void Contains_answers_for_a_former_name_as_for_the_scope_it_was_renamed_to()
    {
        var activate = ScopeSet.Parse("workflow:activate");

        Assert.True(activate.Contains(Former));
        Assert.True(ScopeSet.Parse(Former).Contains(Scopes.Workflow.Activate));
        Assert.False(ScopeSet.Parse("workflow:read workflow:update").Contains(Former));
        Assert.False(ScopeSet.Empty.Contains(Former));
        // Exact and case-sensitive, like every scope.
        Assert.False(activate.Contains("Workflow:Deactivate"));
        Assert.False(activate.Contains("workflow:deactivate "));
        // The set still only ever holds defined scopes: the former name is not one.
        Assert.False(Scopes.IsDefined(Former));
        Assert.Null(Scopes.Catalog.FindScope(Former));
        Assert.DoesNotContain(Former, ScopeSet.All);
        Assert.Equal(67, ScopeSet.All.Count);
    }

    [Fact]
    public void A_mistyped_former_name_is_still_an_error_with_the_current_scope_suggested()
    {
        Assert.False(ScopeSet.TryParse("workflow:deactivate Workflow:Deactivate workflow:reed", ScopeSet.ParseOptions.None, out var set, out var errors));

        Assert.Equal("workflow:activate", set.ToString());
        Assert.Equal(new[] { ("Workflow:Deactivate", 20), ("workflow:reed", 40) }, errors.Select(error => (error.Text, error.Position)));
        Assert.Equal("'Workflow:Deactivate' is not a defined scope; did you mean 'workflow:activate'?", errors[0].Message);
        Assert.Equal("workflow:read", errors[1].Suggestion);

        var exception = Assert.Throws<FormatException>(() => ScopeSet.Parse(new[] { "workflow:deactivat", Former }));
        Assert.Equal("The scope list is not valid: 'workflow:deactivat' is not a defined scope; did you mean 'workflow:activate'?", exception.Message);
    }

    [Fact]
    public void Presets_expand_as_before_and_combine_with_former_names()
    {
        var readOnly = ScopeSet.Parse("readOnly", ScopeSet.ParseOptions.ExpandPresets);
        var mixed = ScopeSet.Parse("workflow:deactivate readOnly", ScopeSet.ParseOptions.ExpandPresets);

        Assert.Equal(Scopes.Presets.ReadOnly, readOnly);
        Assert.False(readOnly.Contains(Former));
        Assert.Equal(readOnly.Union(ScopeSet.Parse(Scopes.Workflow.Activate)), mixed);
        Assert.Equal(Scopes.Presets.ReadOnly.Count + 1, mixed.Count);
        Assert.Equal(ScopeSet.All, ScopeSet.Parse("full", ScopeSet.ParseOptions.ExpandPresets));
        Assert.True(ScopeSet.All.Contains(Former));
    }

    [Fact]
    public void A_former_name_costs_what_the_current_name_costs()
    {
        var activate = ScopeSet.Parse(Scopes.Workflow.Activate);
        activate.Contains(Former);
        ScopeSet.Parse(Former);
        ScopeSet.Parse(Scopes.Workflow.Activate);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 100; i++)
        {
            found += activate.Contains(Former) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100, found);

        // Parsing allocates the set's words only, whichever name is given.
        before = GC.GetAllocatedBytesForCurrentThread();
        ScopeSet.Parse(Former);
        var formerBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        ScopeSet.Parse(Scopes.Workflow.Activate);
        Assert.Equal(GC.GetAllocatedBytesForCurrentThread() - before, formerBytes);
    }

    [Fact]
    public void Several_former_names_a_former_only_resource_and_a_scope_past_the_first_word_normalize()
    {
        // wide:last is the 70th scope (second ulong word); team exists only in former names.
        var set = RenamedScopes.ScopeSet.Parse("wide:final team:list workflow:toggle legacyFlow:switch team:read workflow:deactivate");

        Assert.Equal("workflow:activate project:read project:list wide:last", set.ToString());
        Assert.Equal(RenamedScopes.ScopeSet.Parse(new[] { "wide:last", "project:list", "project:read", "workflow:activate" }), set);
        Assert.True(set.Contains("wide:final"));
        Assert.True(set.Contains("team:read"));
        Assert.False(set.Contains("wide:x63"));
        Assert.False(set.Contains("workflow:read"));
        Assert.Equal(70, RenamedScopes.ScopeSet.All.Count);
    }

    [Fact]
    public void A_preset_over_a_renamed_scope_equals_the_set_of_its_former_names()
    {
        Assert.Equal(RenamedScopes.ScopeSet.Parse("workflow:toggle"), RenamedScopes.ScopeSet.Parse("activation", RenamedScopes.ScopeSet.ParseOptions.ExpandPresets));
        Assert.Equal(
            RenamedScopes.ScopeSet.Parse("team:read team:list workflow:read workflow:list"),
            RenamedScopes.ScopeSet.Parse("readOnly", RenamedScopes.ScopeSet.ParseOptions.ExpandPresets));
    }

    [Fact]
    public void A_class_with_more_former_names_than_scopes_holds_them_all()
    {
        // One scope, four former names: a table sized for the scopes alone (two slots) cannot hold them.
        foreach (var former in new[] { "key:read", "key:write", "key:admin", "apiKey:use" })
        {
            Assert.Equal(TinyScopes.Key.Use, TinyScopes.ScopeSet.Parse(former).ToString());
        }

        Assert.False(TinyScopes.ScopeSet.TryParse("key:other apiKey:read", out var partial));
        Assert.True(partial.IsEmpty);
        Assert.False(TinyScopes.ScopeSet.All.Contains("key:delete"));
    }

    [Fact]
    public void Every_former_name_the_manifest_library_reads_parses_to_its_current_scope()
    {
        // The expectation comes from the manifest library, not from the generated code.
        Check(Oracle.N8n, 1, text => ScopeSet.Parse(text).ToString(), (text, scope) => ScopeSet.Parse(text).Contains(scope));
        Check(Oracle.Renamed, 6, text => RenamedScopes.ScopeSet.Parse(text).ToString(), (text, scope) => RenamedScopes.ScopeSet.Parse(text).Contains(scope));
        Check(Oracle.Tiny, 4, text => TinyScopes.ScopeSet.Parse(text).ToString(), (text, scope) => TinyScopes.ScopeSet.Parse(text).Contains(scope));

        static void Check(ScopeClassModel model, int renames, Func<string, string> canonical, Func<string, string, bool> contains)
        {
            Assert.Equal(renames, model.Renames.Count);
            foreach (var rename in model.Renames)
            {
                Assert.Equal(rename.Current, canonical(rename.Former));
                Assert.True(contains(rename.Current, rename.Former), rename.Former);
                Assert.True(contains(rename.Former, rename.Current), rename.Former);
            }

            // Every former name at once is exactly the set of the renamed scopes.
            var currents = model.Renames.Select(r => r.Current).Distinct().ToList();
            var all = canonical(string.Join(" ", model.Renames.Select(r => r.Former)));
            Assert.Equal(currents.Count, all.Split(' ').Length);
            Assert.Equal(canonical(string.Join(" ", currents)), all);
        }
    }
}
