using ScopeGen.Manifest;

namespace ScopeGen.Tests;

/// <summary>
/// The parser on each shape a manifest section can take, the YAML features it refuses, where it places
/// spans (line breaks of every kind, block and flow collections), and the small value types it returns.
/// </summary>
public sealed class ManifestShapeTests
{
    private const string Path = "/p/api.scopes.yaml";
    private const string OneScope = "resources:\n  r:\n    actions:\n      a: A\n";

    [Theory]
    [InlineData("api.scopes.yaml", true)]
    [InlineData("api.scopes.yml", true)]
    [InlineData("API.SCOPES.YAML", true)]
    [InlineData("/dir/x.Scopes.Yml", true)]
    [InlineData("api.scopes.json", false)]
    [InlineData("api.yaml", false)]
    [InlineData("scopes.yaml", false)]
    [InlineData("api.scopes.yaml.bak", false)]
    public void Manifest_files_are_recognised_by_name(string path, bool expected)
    {
        Assert.Equal(expected, ManifestParser.IsManifestPath(path));
    }

    [Theory]
    [InlineData("[|version: [a]|]", "'version' must be a single value, not a list")]
    [InlineData("[|namespace: {a: b}|]", "'namespace' must be a single value, not a mapping")]
    [InlineData("[|className: [a]|]", "'className' must be a single value, not a list")]
    [InlineData("[|separator: [a]|]", "'separator' must be a single value, not a list")]
    public void A_setting_that_is_not_a_single_value_is_a_located_SCOPE109(string markup, string message)
    {
        var setting = markup.Replace("[|", string.Empty).Replace("|]", string.Empty);
        var valueStart = setting.IndexOf(':') + 2;

        var result = ManifestParser.Parse(Path, setting + "\n" + OneScope);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SCOPE109", message), (diagnostic.Id, diagnostic.Message));
        Assert.Equal((valueStart, setting.Length), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal(("Scopes", ":", null), (result.Manifest!.ClassName, result.Manifest.Separator, result.Manifest.Namespace));
    }

    [Theory]
    [InlineData("version: 1\n")]
    [InlineData("version: \"1\"\n")]
    [InlineData("version: ~\n")]
    [InlineData("version:\n")]
    public void Version_1_or_none_is_accepted(string version)
    {
        Assert.Empty(ManifestParser.Parse(Path, version + OneScope).Diagnostics);
    }

    [Fact]
    public void Empty_settings_keep_their_defaults_without_a_diagnostic()
    {
        var result = ManifestParser.Parse(Path, "namespace:\nclassName: ~\nseparator:\n" + OneScope);

        Assert.Empty(result.Diagnostics);
        Assert.Equal((null, "Scopes", ":"), (result.Manifest!.Namespace, result.Manifest.ClassName, result.Manifest.Separator));
    }

    [Fact]
    public void Settings_are_read_into_the_manifest()
    {
        var result = ManifestParser.Parse(Path, "version: 1\nnamespace: Acme.Api\nclassName: Grants\nseparator: \".\"\n" + OneScope);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(("Acme.Api", "Grants", "."), (result.Manifest!.Namespace, result.Manifest.ClassName, result.Manifest.Separator));
        Assert.Equal(Path, result.Manifest.FilePath);
    }

    [Theory]
    [InlineData("[|- a|]\n", "The manifest must be a mapping with a 'resources' key")]
    [InlineData("[|{}|]\n", "The manifest has no 'resources' mapping, so it defines no scopes")]
    [InlineData("[|namespace|]: Acme\nclassName: X\n", "The manifest has no 'resources' mapping, so it defines no scopes")]
    [InlineData("[|~|]\n", "The manifest is empty: it needs at least a 'resources' mapping")]
    [InlineData("resources: [|[a]|]\n", "'resources' must be a mapping, not a list")]
    [InlineData("resources: [|r|]\n", "'resources' must be a mapping, not a single value")]
    [InlineData("resources:\n  r: [|[a]|]\n", "Resource 'r' must be a mapping, not a list")]
    [InlineData("resources:\n  r:\n    actions: [|[a]|]\n", "The actions of resource 'r' must be a mapping, not a list")]
    [InlineData("resources:\n  r:\n    actions: [|a|]\n", "The actions of resource 'r' must be a mapping, not a single value")]
    [InlineData("resources:\n  r:\n    description: [|{a: b}|]\n    actions:\n      a: A\n", "'description' must be a single value, not a mapping")]
    [InlineData("resources:\n  r:\n    actions:\n      a:\n        description: [|[x]|]\n", "'description' must be a single value, not a list")]
    [InlineData("resources:\n  r:\n    actions:\n      a:\n        deprecated: [|[x]|]\n", "'deprecated' must be a single value, not a list")]
    public void Each_wrong_shape_is_a_located_SCOPE109(string markup, string message)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal) - 2;
        var text = markup.Replace("[|", string.Empty).Replace("|]", string.Empty);

        var result = ManifestParser.Parse(Path, text);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "SCOPE109");
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal((start, end), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
    }

    [Fact]
    public void An_action_given_as_a_list_is_reported_but_still_defines_its_scope()
    {
        var result = ManifestParser.Parse(Path, "resources:\n  r:\n    actions:\n      a: [x, y]\n      b: B\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("Action 'a' must be a description or a mapping with 'description', 'deprecated', 'reserved' and 'renamedFrom', not a list", diagnostic.Message);
        var actions = result.Manifest!.Resources.Single().Actions;
        Assert.Equal(new[] { "a", "b" }, actions.Select(a => a.Name));
        Assert.Null(actions[0].Description);
    }

    [Theory]
    [InlineData("resources:\n  [|r|]:\n")]
    [InlineData("resources:\n  [|r|]: ~\n")]
    [InlineData("resources:\n  [|r|]:\n    actions:\n")]
    [InlineData("resources:\n  [|r|]:\n    actions: {}\n")]
    [InlineData("resources:\n  [|r|]:\n    description: Only words.\n")]
    [InlineData("resources:\n  [|r|]:\n    actions:\n      \"1\": x\n")]
    public void A_resource_without_valid_actions_is_a_SCOPE106_warning_and_is_kept(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var text = markup.Replace("[|", string.Empty).Replace("|]", string.Empty);

        var result = ManifestParser.Parse(Path, text);

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "SCOPE106");
        Assert.Equal(ManifestSeverity.Warning, warning.Severity);
        Assert.Equal("Resource 'r' has no actions, so it defines no scopes", warning.Message);
        Assert.Equal((start, start + 1), (warning.Span.StartOffset, warning.Span.EndOffset));
        Assert.Empty(Assert.Single(result.Manifest!.Resources).Actions);
    }

    [Fact]
    public void After_a_syntax_error_a_resource_cut_short_is_not_called_empty()
    {
        var result = ManifestParser.Parse(Path, "resources:\n  r:\n    actions:\n      a: A\n  s:\n    description: \"unterminated\n");

        Assert.Equal(new[] { "SCOPE100" }, result.Diagnostics.Select(d => d.Id));
        Assert.StartsWith("Invalid YAML: ", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "r", "s" }, result.Manifest!.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Resource_and_action_descriptions_and_spans_are_kept()
    {
        const string text = "resources:\n  r:\n    description: Things.\n    actions:\n      a:\n        description: Does A.\n";

        var result = ManifestParser.Parse(Path, text);

        Assert.Empty(result.Diagnostics);
        var resource = result.Manifest!.Resources.Single();
        Assert.Equal("Things.", resource.Description);
        Assert.Equal(new SourceSpan(1, 2, 1, 3, 13, 14), resource.NameSpan);
        var action = resource.Actions.Single();
        Assert.Equal("Does A.", action.Description);
        Assert.Equal(new SourceSpan(4, 6, 4, 7, 60, 61), action.NameSpan);
    }

    [Theory]
    [InlineData("resources:\n  r:\n    actions:\n      a: A\n      [|a|]: B\n", "Duplicate action in resource 'r': 'a' (first defined at line 4)")]
    [InlineData("resources:\n  r:\n    actions:\n      a: A\n  [|r|]:\n    actions:\n      b: B\n", "Duplicate resource 'r' (first defined at line 2)")]
    [InlineData("resources:\n  r:\n    actions:\n      a:\n        description: A\n        [|description|]: B\n", "Duplicate key 'description' (first defined at line 5)")]
    [InlineData("resources:\n  r:\n    actions:\n      a: A\n[|resources|]:\n  s:\n    actions:\n      b: B\n", "Duplicate key 'resources' (first defined at line 1)")]
    public void A_repeated_key_is_reported_where_it_repeats_and_the_first_is_kept(string markup, string message)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal) - 2;
        var text = markup.Replace("[|", string.Empty).Replace("|]", string.Empty);

        var result = ManifestParser.Parse(Path, text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SCOPE102", message), (diagnostic.Id, diagnostic.Message));
        Assert.Equal((start, end), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal("a:A", string.Join(",", result.Manifest!.Resources[0].Actions.Select(a => a.Name + ":" + a.Description)));
    }

    [Theory]
    [InlineData("[|resorces|]:\n  r: {}\n", "Unknown key 'resorces' in the manifest; did you mean 'resources'?")]
    [InlineData("[|colour|]: x\n", "Unknown key 'colour' in the manifest (expected one of: version, namespace, className, separator, resources, presets)")]
    [InlineData("resources:\n  r:\n    [|scopes|]: x\n", "Unknown key 'scopes' in resource 'r' (expected one of: description, actions)")]
    [InlineData("resources:\n  r:\n    actions:\n      a:\n        [|deprecate|]: x\n", "Unknown key 'deprecate' in action 'r.a'; did you mean 'deprecated'?")]
    public void An_unknown_key_is_reported_with_a_suggestion_or_the_expected_keys(string markup, string message)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal) - 2;
        var text = markup.Replace("[|", string.Empty).Replace("|]", string.Empty);

        var result = ManifestParser.Parse(Path, text);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "SCOPE101");
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal((start, end), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
    }

    [Fact]
    public void Aliases_are_refused_once_each_and_the_value_is_skipped_without_a_shape_error()
    {
        var result = ManifestParser.Parse(Path, "namespace: *ns\nclassName: *cls\n" + OneScope);

        Assert.Equal(new[] { "SCOPE108", "SCOPE108" }, result.Diagnostics.Select(d => d.Id));
        Assert.Equal("YAML aliases ('*ns') are not supported in a scope manifest: write the value out", result.Diagnostics[0].Message);
        Assert.Equal((11, 14), (result.Diagnostics[0].Span.StartOffset, result.Diagnostics[0].Span.EndOffset));
        Assert.Equal((null, "Scopes"), (result.Manifest!.Namespace, result.Manifest.ClassName));
    }

    [Fact]
    public void An_alias_as_the_whole_manifest_is_refused_once()
    {
        var result = ManifestParser.Parse(Path, "*root\n");

        Assert.Equal(new[] { "SCOPE108" }, result.Diagnostics.Select(d => d.Id));
        Assert.Null(result.Manifest);
    }

    [Fact]
    public void Anchors_and_tags_are_each_reported_once_and_the_values_still_read()
    {
        var result = ManifestParser.Parse(Path, "resources:\n  r:\n    actions:\n      a: &x A\n      b: &y !!str B\n      c: !custom C\n      d: ! D\n");

        Assert.Equal(
            new[] { "YAML anchors ('&x') are not supported in a scope manifest", "YAML tags ('tag:yaml.org,2002:str') are not supported in a scope manifest: every value is read as text" },
            result.Diagnostics.Select(d => d.Message));
        Assert.All(result.Diagnostics, d => Assert.Equal("SCOPE108", d.Id));
        Assert.Equal(3, result.Diagnostics[0].Span.StartLine);
        Assert.Equal(4, result.Diagnostics[1].Span.StartLine);
        Assert.Equal(new[] { "A", "B", "C", "D" }, result.Manifest!.Resources.Single().Actions.Select(a => a.Description));
    }

    [Fact]
    public void A_complex_key_is_refused_and_its_entry_skipped()
    {
        var result = ManifestParser.Parse(Path, "resources:\n  r:\n    actions:\n      ? [x, y]\n      : X\n      a: A\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SCOPE108", "Complex mapping keys are not supported in a scope manifest: a key is a plain name"), (diagnostic.Id, diagnostic.Message));
        Assert.Equal((3, 8), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(new[] { "a" }, result.Manifest!.Resources.Single().Actions.Select(a => a.Name));
    }

    [Fact]
    public void An_aliased_key_is_refused_once_without_a_complex_key_error()
    {
        var result = ManifestParser.Parse(Path, "resources:\n  r:\n    actions:\n      *k : X\n      a: A\n");

        Assert.Equal(new[] { "SCOPE108" }, result.Diagnostics.Select(d => d.Id));
        Assert.StartsWith("YAML aliases", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "a" }, result.Manifest!.Resources.Single().Actions.Select(a => a.Name));
    }

    [Fact]
    public void A_second_document_is_refused_at_its_marker_and_the_first_is_kept()
    {
        var text = "---\n" + OneScope + "---\nresources: {}\n";

        var result = ManifestParser.Parse(Path, text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SCOPE108", diagnostic.Id);
        var marker = text.IndexOf("---", 1, StringComparison.Ordinal);
        Assert.Equal((marker, marker + 3), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal("r", result.Manifest!.Resources.Single().Name);
    }

    [Fact]
    public void A_block_collection_spans_to_the_end_of_its_last_item()
    {
        const string text = "resources:\n  - a\n  - bb\n\n# trailing comment\n";

        var diagnostic = Assert.Single(ManifestParser.Parse(Path, text).Diagnostics);

        Assert.Equal("'resources' must be a mapping, not a list", diagnostic.Message);
        Assert.Equal((text.IndexOf('-'), text.IndexOf("bb", StringComparison.Ordinal) + 2), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal(new SourceSpan(1, 2, 2, 6, 13, 23), diagnostic.Span);
    }

    [Fact]
    public void A_block_mapping_spans_to_the_end_of_its_last_value()
    {
        const string text = "resources:\n  r:\n    actions:\n      a: A\npresets:\n  p:\n    scopes:\n      x: y\n      z: w\n";

        var diagnostic = Assert.Single(ManifestParser.Parse(Path, text).Diagnostics);

        Assert.Equal((text.IndexOf("x: y", StringComparison.Ordinal), text.IndexOf("w\n", StringComparison.Ordinal) + 1), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
    }

    [Fact]
    public void A_flow_collection_spans_to_its_closing_bracket()
    {
        const string text = "resources: {r: [a, b]  }\n";

        var diagnostic = Assert.Single(ManifestParser.Parse(Path, text).Diagnostics, d => d.Id == "SCOPE109");

        Assert.Equal("Resource 'r' must be a mapping, not a list", diagnostic.Message);
        Assert.Equal((15, 21), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Lines_and_columns_follow_every_line_break(string newline)
    {
        var text = string.Join(newline, "resources:", "  r:", "    actons: {}", "    actions:", "      a: A", string.Empty);

        var diagnostic = Assert.Single(ManifestParser.Parse(Path, text).Diagnostics);

        Assert.Equal((2, 4, 2, 10), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn, diagnostic.Span.EndLine, diagnostic.Span.EndColumn));
        Assert.Equal("actons", text.Substring(diagnostic.Span.StartOffset, diagnostic.Span.Length));
    }

    [Fact]
    public void The_line_map_breaks_lines_as_the_compiler_does()
    {
        const string text = "a\r\nb\rc\nd\u0085e\u2028f\u2029g";
        var map = new LineMap(text);

        var expected = new[] { (0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0), (2, 1), (3, 0), (3, 1), (4, 0), (4, 1), (5, 0), (5, 1), (6, 0), (6, 1) };
        for (var offset = 0; offset <= text.Length; offset++)
        {
            var span = map.Span(offset, offset);
            Assert.Equal(expected[offset], (span.StartLine, span.StartColumn));
        }
    }

    [Fact]
    public void The_line_map_clamps_offsets_into_the_text()
    {
        var map = new LineMap("ab\ncd");

        Assert.Equal(new SourceSpan(0, 0, 0, 0, 0, 0), map.Span(-5, -1));
        Assert.Equal(new SourceSpan(1, 2, 1, 2, 5, 5), map.Span(9, 12));
        Assert.Equal(new SourceSpan(1, 1, 1, 1, 4, 4), map.Span(4, 2));
        Assert.Equal(new SourceSpan(0, 1, 1, 1, 1, 4), map.Span(1, 4));
    }

    [Fact]
    public void A_span_that_ends_before_it_starts_is_made_empty_at_its_start()
    {
        var line = ManifestRules.YamlSyntax.Create("f", new SourceSpan(2, 5, 1, 9, 20, 30), "m").Span;
        var column = ManifestRules.YamlSyntax.Create("f", new SourceSpan(2, 5, 2, 4, 20, 30), "m").Span;
        var offset = ManifestRules.YamlSyntax.Create("f", new SourceSpan(2, 5, 2, 7, 20, 10), "m").Span;
        var fine = new SourceSpan(2, 5, 2, 5, 20, 20);

        Assert.Equal(new SourceSpan(2, 5, 2, 5, 20, 30), line);
        Assert.Equal(new SourceSpan(2, 5, 2, 5, 20, 30), column);
        Assert.Equal(new SourceSpan(2, 5, 2, 7, 20, 20), offset);
        Assert.Equal(fine, ManifestRules.YamlSyntax.Create("f", fine, "m").Span);
    }

    [Theory]
    [InlineData(ManifestSeverity.Error, "error")]
    [InlineData(ManifestSeverity.Warning, "warning")]
    [InlineData(ManifestSeverity.Info, "info")]
    public void Diagnostics_print_their_severity_as_msbuild_does(ManifestSeverity severity, string word)
    {
        var diagnostic = new ManifestDiagnostic("SCOPE999", severity, "Text.", "/p/x.scopes.yaml", new SourceSpan(4, 2, 4, 3, 40, 41));

        Assert.Equal($"/p/x.scopes.yaml(5,3): {word} SCOPE999: Text.", diagnostic.ToString());
    }

    [Fact]
    public void Every_rule_is_listed_once_in_id_order_with_its_severity()
    {
        Assert.Equal(Enumerable.Range(100, 11).Select(n => "SCOPE" + n), ManifestRules.All.Select(r => r.Id));
        Assert.Equal(new[] { "SCOPE106" }, ManifestRules.All.Where(r => r.Severity == ManifestSeverity.Warning).Select(r => r.Id));
        Assert.DoesNotContain(ManifestRules.All, r => r.Severity == ManifestSeverity.Info);
        Assert.All(ManifestRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Title)));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("ab", "ba", 1)]
    [InlineData("actions", "acitons", 1)]
    [InlineData("abcd", "acbd", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    [InlineData("abc", "abd", 1)]
    [InlineData("abc", "xbc", 1)]
    [InlineData("abc", "abcd", 1)]
    public void Edit_distance_counts_edits_and_adjacent_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, NameRules.EditDistance(a, b));
        Assert.Equal(distance, NameRules.EditDistance(b, a));
    }

    [Theory]
    [InlineData("ab", new[] { "xy", "ax" }, "ax")]
    [InlineData("abc", new[] { "abcde" }, null)]
    [InlineData("abcdef", new[] { "abcd" }, "abcd")]
    [InlineData("abcdefg", new[] { "abcd" }, null)]
    [InlineData("abcdef", new[] { "abcdxy" }, "abcdxy")]
    [InlineData("abcdefghi", new[] { "abcdefxyz" }, "abcdefxyz")]
    [InlineData("abcdefghijkl", new[] { "abcdefghwxyz" }, null)]
    [InlineData("abcdef", new[] { "abcdxy", "abcdex" }, "abcdex")]
    [InlineData("abcdef", new[] { "abcdex", "abcdey" }, "abcdex")]
    [InlineData("WORKFLOW", new[] { "workflow" }, "workflow")]
    public void The_closest_candidate_is_within_a_third_of_the_input_length(string input, string[] candidates, string? expected)
    {
        Assert.Equal(expected, NameRules.FindClosest(input, candidates));
    }

    [Fact]
    public void Identifiers_never_need_escaping_because_they_start_upper_case()
    {
        Assert.True(NameRules.IsKeyword("class"));
        Assert.False(NameRules.IsKeyword("Class"));
        Assert.Equal("Class", NameRules.ToIdentifier("class"));
        Assert.Equal("Int", NameRules.ToIdentifier("int"));
        Assert.Equal("ReadRows", NameRules.ToIdentifier("read_rows"));
        Assert.Equal("A1B", NameRules.ToIdentifier("a1-b"));
    }

    [Fact]
    public void Equatable_arrays_compare_by_value()
    {
        var a = new[] { "x", "y" }.ToEquatableArray();
        var same = new[] { "x", "y" }.ToEquatableArray();
        var other = new[] { "x", "z" }.ToEquatableArray();
        var longer = new[] { "x", "y", "z" }.ToEquatableArray();
        var empty = Array.Empty<string>().ToEquatableArray();

        Assert.True(a == same);
        Assert.False(a != same);
        Assert.True(a.Equals((object)same));
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.True(a != other);
        Assert.NotEqual(a.GetHashCode(), other.GetHashCode());
        Assert.False(a.Equals(longer));
        Assert.False(longer.Equals(a));
        Assert.False(a.Equals((object)"x"));
        Assert.True(EquatableArray<string>.Empty == empty);
        Assert.Equal(EquatableArray<string>.Empty.GetHashCode(), empty.GetHashCode());
        Assert.True(EquatableArray<string>.Empty.Count == 0);
        Assert.Empty(EquatableArray<string>.Empty);
        Assert.Equal(2, a.Count);
        Assert.Equal("y", a[1]);
        Assert.Equal(new[] { "x", "y" }, a);
        Assert.NotEqual(new[] { "y", "x" }.ToEquatableArray().GetHashCode(), a.GetHashCode());
    }
}
