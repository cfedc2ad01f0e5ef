using N8n.Api;
using ScopeSet = N8n.Api.Scopes.ScopeSet;

namespace ScopeGen.Generated.Tests;

/// <summary><c>Scopes.ScopeSet</c> of the n8n manifest: parsing, errors, presets, order, containment and equality.</summary>
public sealed class ScopeSetTests
{
    [Fact]
    public void Parse_reads_space_delimited_scopes_and_writes_them_back_in_manifest_order()
    {
        var set = ScopeSet.Parse("workflow:list tag:read workflow:read");

        Assert.Equal(3, set.Count);
        Assert.True(set.Contains(Scopes.Workflow.Read));
        Assert.True(set.Contains("workflow:list"));
        Assert.True(set.Contains(Scopes.Tag.Read));
        // Manifest order: tag comes before workflow, and workflow's read before its list.
        Assert.Equal("tag:read workflow:read workflow:list", set.ToString());
        Assert.Equal(new[] { "tag:read", "workflow:read", "workflow:list" }, set);
    }

    [Fact]
    public void Duplicates_collapse_and_any_whitespace_separates()
    {
        var set = ScopeSet.Parse("  tag:read\ttag:read\r\n\ntag:read  workflow:create ");

        Assert.Equal(2, set.Count);
        Assert.Equal("tag:read workflow:create", set.ToString());
    }

    [Fact]
    public void The_empty_string_is_the_empty_set_and_so_is_default()
    {
        var set = ScopeSet.Parse("   ");

        Assert.True(set.IsEmpty);
        Assert.True(set.Count == 0, $"Count is {set.Count}");
        Assert.Equal(string.Empty, set.ToString());
        Assert.Equal(default, set);
        Assert.Equal(ScopeSet.Empty, set);
        Assert.Empty(set);
        Assert.False(default(ScopeSet).Contains(Scopes.Tag.Read));
    }

    [Fact]
    public void Scopes_past_the_first_64_work_like_the_others()
    {
        // workflowTags:update is the 67th scope: the third word of the bit set would not exist, the second must.
        var set = ScopeSet.Parse("workflowTags:update communityPackage:install");

        Assert.Equal(new[] { "communityPackage:install", "workflowTags:update" }, set);
        Assert.True(set.Contains(Scopes.WorkflowTags.Update));
        Assert.False(set.Contains(Scopes.WorkflowTags.List));
        Assert.Equal(67, ScopeSet.All.Count);
        Assert.Equal(string.Join(" ", Scopes.All), ScopeSet.All.ToString());
    }

    [Fact]
    public void TryParse_reports_every_unknown_scope_with_its_position_and_the_closest_defined_one()
    {
        var ok = ScopeSet.TryParse("workflow:reed tag:read foo:bar Workflow:List", ScopeSet.ParseOptions.None, out var set, out var errors);

        Assert.False(ok);
        Assert.Equal(3, errors.Count);
        Assert.Equal(("workflow:reed", 0, "workflow:read"), (errors[0].Text, errors[0].Position, errors[0].Suggestion));
        Assert.Equal("'workflow:reed' is not a defined scope; did you mean 'workflow:read'?", errors[0].Message);
        Assert.Equal(("foo:bar", 23, (string?)null), (errors[1].Text, errors[1].Position, errors[1].Suggestion));
        Assert.Equal("'foo:bar' is not a defined scope.", errors[1].Message);
        // Scopes are case-sensitive; the suggestion is not.
        Assert.Equal(("Workflow:List", 31, "workflow:list"), (errors[2].Text, errors[2].Position, errors[2].Suggestion));
        // What was valid is still returned, so a stored grant can drop what the manifest no longer defines.
        Assert.Equal("tag:read", set.ToString());
    }

    [Fact]
    public void TryParse_succeeds_with_no_errors()
    {
        Assert.True(ScopeSet.TryParse("tag:read", ScopeSet.ParseOptions.None, out var set, out var errors));
        Assert.Empty(errors);
        Assert.Equal("tag:read", set.ToString());
        Assert.True(ScopeSet.TryParse("", out var empty));
        Assert.True(empty.IsEmpty);
        Assert.False(ScopeSet.TryParse("tag:reads", out _));
        Assert.False(ScopeSet.TryParse((string?)null, out var none));
        Assert.True(none.IsEmpty);
    }

    [Fact]
    public void Parse_throws_a_format_exception_naming_every_unknown_scope()
    {
        var exception = Assert.Throws<FormatException>(() => ScopeSet.Parse("workflow:reed tag:read zzz"));

        Assert.Equal("The scope list is not valid: 'workflow:reed' is not a defined scope; did you mean 'workflow:read'? 'zzz' is not a defined scope.", exception.Message);
        Assert.Throws<ArgumentNullException>(() => ScopeSet.Parse((string)null!));
        Assert.Throws<ArgumentNullException>(() => ScopeSet.Parse((IEnumerable<string>)null!));
    }

    [Fact]
    public void Presets_expand_only_when_asked()
    {
        var exception = Assert.Throws<FormatException>(() => ScopeSet.Parse("readOnly"));
        Assert.Contains("'readOnly' is a preset, not a scope", exception.Message, StringComparison.Ordinal);

        var readOnly = ScopeSet.Parse("readOnly", ScopeSet.ParseOptions.ExpandPresets);
        Assert.Equal(Scopes.Presets.ReadOnly, readOnly);

        var mixed = ScopeSet.Parse("workflow:create readOnly workflow:read", ScopeSet.ParseOptions.ExpandPresets);
        Assert.Equal(23, mixed.Count);
        Assert.True(mixed.Contains(Scopes.Workflow.Create));
        Assert.True(mixed.IsSupersetOf(readOnly));

        Assert.Equal(ScopeSet.All, ScopeSet.Parse("full", ScopeSet.ParseOptions.ExpandPresets));
    }

    [Fact]
    public void A_misspelt_preset_gets_a_suggestion_when_presets_expand()
    {
        Assert.False(ScopeSet.TryParse("readOnyl", ScopeSet.ParseOptions.ExpandPresets, out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal("readOnly", error.Suggestion);
        Assert.Equal("'readOnyl' is not a defined scope or preset; did you mean 'readOnly'?", error.Message);
    }

    [Fact]
    public void A_list_is_parsed_one_scope_per_entry()
    {
        var set = ScopeSet.Parse(new List<string> { "workflow:read", Scopes.Tag.List, "workflow:read" });
        Assert.Equal("tag:list workflow:read", set.ToString());

        Assert.False(ScopeSet.TryParse(new[] { "tag:list", " workflow:read", null!, "readOnly" }, ScopeSet.ParseOptions.None, out var partial, out var errors));
        Assert.Equal("tag:list", partial.ToString());
        Assert.Equal(new[] { 1, 2, 3 }, errors.Select(e => e.Position));
        // An entry is one scope: surrounding spaces make it unknown, with the scope suggested.
        Assert.Equal("workflow:read", errors[0].Suggestion);
        Assert.Equal("Entry 2 is null, not a scope.", errors[1].Message);
        Assert.Contains("is a preset", errors[2].Message, StringComparison.Ordinal);

        Assert.Equal(Scopes.Presets.ReadOnly, ScopeSet.Parse(new[] { "readOnly" }, ScopeSet.ParseOptions.ExpandPresets));
        Assert.False(ScopeSet.TryParse((IEnumerable<string>?)null, out _));
    }

    [Fact]
    public void Contains_is_exact_and_case_sensitive()
    {
        var set = ScopeSet.Parse("workflow:read");

        Assert.True(set.Contains("workflow:read"));
        Assert.False(set.Contains("workflow:Read"));
        Assert.False(set.Contains("workflow:read "));
        Assert.False(set.Contains("workflow:list"));
        Assert.False(set.Contains("nothing:defined"));
        Assert.False(set.Contains(""));
        Assert.False(set.Contains(null));
    }

    [Fact]
    public void Set_relations_and_operations()
    {
        var reads = ScopeSet.Parse("workflow:read tag:read");
        var workflow = ScopeSet.Parse("workflow:read workflow:list workflow:create");
        var tag = ScopeSet.Parse("tag:create");

        Assert.True(ScopeSet.Parse("workflow:read").IsSubsetOf(reads));
        Assert.False(reads.IsSubsetOf(workflow));
        Assert.True(reads.IsSubsetOf(reads));
        Assert.True(ScopeSet.Empty.IsSubsetOf(tag));
        Assert.True(ScopeSet.All.IsSupersetOf(workflow));
        Assert.False(workflow.IsSupersetOf(reads));
        Assert.True(reads.Overlaps(workflow));
        Assert.False(tag.Overlaps(workflow));
        Assert.False(ScopeSet.Empty.Overlaps(ScopeSet.All));

        Assert.Equal("tag:read workflow:create workflow:read workflow:list", reads.Union(workflow).ToString());
        Assert.Equal("workflow:read", reads.Intersect(workflow).ToString());
        Assert.Equal("tag:read", reads.Except(workflow).ToString());
        Assert.True(reads.Intersect(tag).IsEmpty);
        Assert.Equal(ScopeSet.Empty, reads.Except(reads));
        Assert.Equal(reads, reads.Union(ScopeSet.Empty));
        Assert.Equal(reads, ScopeSet.Empty.Union(reads));
    }

    [Fact]
    public void Equality_is_by_content()
    {
        var a = ScopeSet.Parse("tag:read workflow:read");
        var b = ScopeSet.Parse(new[] { "workflow:read", "tag:read", "tag:read" });
        var c = ScopeSet.Parse("tag:read");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals((object)"tag:read workflow:read"));
        Assert.False(a.Equals(null));
        Assert.Equal(2, new HashSet<ScopeSet> { a, b, c }.Count);
    }

    [Fact]
    public void Enumeration_needs_no_allocation_and_restarts_on_reset()
    {
        var set = ScopeSet.Parse("workflowTags:update tag:read communityPackage:list");
        var enumerator = set.GetEnumerator();
        var seen = new List<string>();
        while (enumerator.MoveNext())
        {
            seen.Add(enumerator.Current);
        }

        enumerator.Reset();
        Assert.True(enumerator.MoveNext());
        Assert.Equal("communityPackage:list", enumerator.Current);
        Assert.Equal(new[] { "communityPackage:list", "tag:read", "workflowTags:update" }, seen);

        // Warm up, then count: checking a grant must not allocate.
        set.Contains(Scopes.Tag.Read);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 100; i++)
        {
            found += set.Contains(Scopes.Tag.Read) ? 1 : 0;
            found += set.IsSubsetOf(ScopeSet.All) ? 1 : 0;
            foreach (var scope in set)
            {
                found += scope.Length > 0 ? 1 : 0;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(500, found);
    }
}
