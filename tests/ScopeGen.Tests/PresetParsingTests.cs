using ScopeGen.Manifest;

namespace ScopeGen.Tests;

/// <summary>
/// How the parser reads <c>presets</c>: each shape of the section, of a preset and of its entries, with the
/// located diagnostic a wrong shape gets and what is still kept.
/// </summary>
public sealed class PresetParsingTests
{
    private const string Path = "/p/api.scopes.yaml";
    private const string Resources = "resources:\n  r:\n    actions:\n      a: A\n      b: B\n";

    [Fact]
    public void A_preset_keeps_its_name_span_description_and_entries_in_order()
    {
        var text = Resources + "presets:\n  viewer:\n    description: Sees things.\n    scopes: [\"r:b\", \"r:a\", \"*\"]\n";

        var result = ManifestParser.Parse(Path, text);

        Assert.Empty(result.Diagnostics);
        var preset = Assert.Single(result.Manifest!.Presets);
        Assert.Equal("viewer", preset.Name);
        Assert.Equal("Sees things.", preset.Description);
        Assert.Equal(new[] { "r:b", "r:a", "*" }, preset.Entries.Select(e => e.Pattern));
        var nameStart = text.IndexOf("viewer", StringComparison.Ordinal);
        Assert.Equal((nameStart, nameStart + 6), (preset.NameSpan.StartOffset, preset.NameSpan.EndOffset));
        var entryStart = text.IndexOf("\"r:a\"", StringComparison.Ordinal);
        Assert.Equal((entryStart, entryStart + 5), (preset.Entries[1].Span.StartOffset, preset.Entries[1].Span.EndOffset));
    }

    [Fact]
    public void Block_lists_work_like_flow_lists()
    {
        var result = ManifestParser.Parse(Path, Resources + "presets:\n  viewer:\n    scopes:\n      - r:a\n      - \"r:b\"\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "r:a", "r:b" }, result.Manifest!.Presets.Single().Entries.Select(e => e.Pattern));
    }

    [Theory]
    [InlineData("presets:\n")]
    [InlineData("presets: ~\n")]
    [InlineData("presets: {}\n")]
    public void An_empty_presets_section_defines_no_presets(string presets)
    {
        var result = ManifestParser.Parse(Path, Resources + presets);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Manifest!.Presets);
    }

    [Theory]
    [InlineData("  viewer:\n", null)]
    [InlineData("  viewer: ~\n", null)]
    [InlineData("  viewer:\n    scopes:\n", null)]
    [InlineData("  viewer:\n    scopes: ~\n", null)]
    [InlineData("  viewer:\n    scopes: []\n", null)]
    [InlineData("  viewer:\n    description: Only words.\n", "Only words.")]
    [InlineData("  viewer:\n    description:\n    scopes: [~, null, Null]\n", null)]
    public void A_preset_without_entries_is_kept_empty_without_a_diagnostic(string preset, string? description)
    {
        var result = ManifestParser.Parse(Path, Resources + "presets:\n" + preset);

        Assert.Empty(result.Diagnostics);
        var kept = Assert.Single(result.Manifest!.Presets);
        Assert.Equal("viewer", kept.Name);
        Assert.Equal(description, kept.Description);
        Assert.Empty(kept.Entries);
    }

    [Theory]
    [InlineData("presets: [|[viewer]|]\n", "'presets' must be a mapping, not a list")]
    [InlineData("presets: [|viewer|]\n", "'presets' must be a mapping, not a single value")]
    [InlineData("presets:\n  viewer: [|[\"r:a\"]|]\n", "Preset 'viewer' must be a mapping, not a list")]
    [InlineData("presets:\n  viewer: [|r:a|]\n", "Preset 'viewer' must be a mapping, not a single value")]
    [InlineData("presets:\n  viewer:\n    scopes: [|r:a|]\n", "The scopes of preset 'viewer' must be a list, for example [\"workflow:read\", \"*:list\"]")]
    [InlineData("presets:\n  viewer:\n    scopes: [|{r: a}|]\n", "The scopes of preset 'viewer' must be a list, for example [\"workflow:read\", \"*:list\"]")]
    [InlineData("presets:\n  viewer:\n    scopes: [\"r:a\", [|[\"r:b\"]|]]\n", "A preset entry must be a single value, not a list")]
    [InlineData("presets:\n  viewer:\n    scopes: [\"r:a\", [|{r: b}|]]\n", "A preset entry must be a single value, not a mapping")]
    [InlineData("presets:\n  viewer:\n    description: [|[a]|]\n", "'description' must be a single value, not a list")]
    public void A_wrong_shape_is_a_located_SCOPE109(string markup, string message)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal) - 2;
        var text = Resources + markup.Replace("[|", string.Empty).Replace("|]", string.Empty);

        var result = ManifestParser.Parse(Path, text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SCOPE109", message), (diagnostic.Id, diagnostic.Message));
        Assert.Equal((Resources.Length + start, Resources.Length + end), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
    }

    [Fact]
    public void Entries_of_a_wrong_shape_are_skipped_and_the_others_kept()
    {
        var result = ManifestParser.Parse(Path, Resources + "presets:\n  viewer:\n    scopes: [\"r:a\", [x], \"r:b\"]\n  other:\n    scopes: [\"*\"]\n");

        Assert.Single(result.Diagnostics);
        Assert.Equal(new[] { "r:a", "r:b" }, result.Manifest!.Presets[0].Entries.Select(e => e.Pattern));
        Assert.Equal(new[] { "viewer", "other" }, result.Manifest.Presets.Select(p => p.Name));
    }

    [Fact]
    public void A_scopes_list_given_twice_keeps_the_first_and_reports_the_second()
    {
        var text = Resources + "presets:\n  viewer:\n    scopes: [\"r:a\"]\n    scopes: [\"r:b\"]\n";

        var result = ManifestParser.Parse(Path, text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SCOPE102", "Duplicate key 'scopes' (first defined at line 8)"), (diagnostic.Id, diagnostic.Message));
        Assert.Equal(8, diagnostic.Span.StartLine);
        Assert.Equal(new[] { "r:a" }, result.Manifest!.Presets.Single().Entries.Select(e => e.Pattern));
    }

    [Fact]
    public void An_unknown_preset_key_is_reported_with_a_suggestion_and_skipped()
    {
        var result = ManifestParser.Parse(Path, Resources + "presets:\n  viewer:\n    scope: [\"r:a\"]\n    flavour: x\n");

        Assert.Equal(
            new[] { "Unknown key 'scope' in preset 'viewer'; did you mean 'scopes'?", "Unknown key 'flavour' in preset 'viewer' (expected one of: description, scopes)" },
            result.Diagnostics.Select(d => d.Message));
        Assert.All(result.Diagnostics, d => Assert.Equal("SCOPE101", d.Id));
        Assert.Empty(result.Manifest!.Presets.Single().Entries);
    }

    [Fact]
    public void A_preset_with_an_invalid_name_is_reported_and_left_out()
    {
        var result = ManifestParser.Parse(Path, Resources + "presets:\n  \"read only\":\n    scopes: [\"*\"]\n  viewer:\n    scopes: [\"*\"]\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SCOPE103", diagnostic.Id);
        Assert.Contains("is not a valid preset name", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "viewer" }, result.Manifest!.Presets.Select(p => p.Name));
    }

    [Fact]
    public void An_aliased_scopes_value_is_refused_once_without_a_second_shape_error()
    {
        var result = ManifestParser.Parse(Path, Resources + "presets:\n  viewer:\n    scopes: *list\n");

        Assert.Equal(new[] { "SCOPE108" }, result.Diagnostics.Select(d => d.Id));
        Assert.Empty(result.Manifest!.Presets.Single().Entries);
    }

    [Fact]
    public void Presets_before_resources_are_read_the_same()
    {
        var result = ManifestParser.Parse(Path, "presets:\n  viewer:\n    scopes: [\"r:a\"]\n" + Resources);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("r:a", result.Manifest!.Presets.Single().Entries.Single().Pattern);
        Assert.Equal("r", result.Manifest.Resources.Single().Name);
    }
}
