using System.Globalization;
using System.Linq;
using ScopeGen.Manifest;

namespace ScopeGen.Tests;

/// <summary>
/// The parser's diagnostics for single mistakes, in process: the exact rule, message and located text of each, and
/// that nothing else is reported. The generator-level tests check these too, but mutation testing runs only the
/// in-process tests (stryker/manifest.json), where a message or a span could change unnoticed.
/// </summary>
public sealed class ManifestMessageTests
{
    private const string Path = "/p/api.scopes.yaml";
    private const string OneScope = "resources:\n  r:\n    actions:\n      a: A\n";

    /// <summary>Each diagnostic as "ID 'located text': message".</summary>
    private static string[] Render(string yaml) =>
        ManifestParser.Parse(Path, yaml).Diagnostics.Select(d => $"{d.Id} '{Located(yaml, d)}': {d.Message}").ToArray();

    private static string Located(string yaml, ManifestDiagnostic diagnostic) =>
        yaml.Substring(diagnostic.Span.StartOffset, diagnostic.Span.EndOffset - diagnostic.Span.StartOffset);

    [Theory]
    [InlineData("version: 2\n" + OneScope, "SCOPE107 '2': Unsupported manifest version '2': this ScopeGen reads version 1")]
    [InlineData("separator: \"a b\"\n" + OneScope, "SCOPE107 '\"a b\"': The separator must be non-empty and contain no whitespace or control characters")]
    [InlineData("separator: \"\"\n" + OneScope, "SCOPE107 '\"\"': The separator must be non-empty and contain no whitespace or control characters")]
    public void A_bad_setting_is_one_located_SCOPE107(string yaml, string expected)
    {
        Assert.Equal(new[] { expected }, Render(yaml));
    }

    [Fact]
    public void An_empty_resources_section_is_no_wrong_shape()
    {
        // A manifest being written: `resources:` with nothing under it yet defines no scopes and is not an error.
        Assert.Empty(Render("resources:\n"));
        Assert.Empty(Render("resources: ~\n"));
    }

    [Theory]
    [InlineData("resources:\n  r:\n", "SCOPE106 'r': Resource 'r' has no actions, so it defines no scopes")]
    [InlineData("resources:\n  r:\n    actions:\n", "SCOPE106 'r': Resource 'r' has no actions, so it defines no scopes")]
    [InlineData("resources:\n  r:\n    actions: ~\n  s:\n    actions:\n      a: A\n", "SCOPE106 'r': Resource 'r' has no actions, so it defines no scopes")]
    public void An_empty_section_is_reported_once_as_empty_not_as_a_wrong_shape(string yaml, string expected)
    {
        Assert.Equal(new[] { expected }, Render(yaml));
    }

    [Theory]
    [InlineData("resources:\n  r:\n    description: x\n    description: y\n    actions:\n      a: A\n", "SCOPE102 'description': Duplicate key 'description' (first defined at line 3)")]
    [InlineData(OneScope + "presets:\n  p:\n    scopes: [\"r:a\"]\n  p:\n    scopes: [\"r:a\"]\n", "SCOPE102 'p': Duplicate preset 'p' (first defined at line 6)")]
    [InlineData("resources:\n  r:\n    actions:\n      a:\n        reserved: maybe\n", "SCOPE109 'maybe': 'reserved' of action 'r.a' must be true or false")]
    [InlineData("resources:\n  r:\n    actions:\n      a:\n        reserved: [true]\n", "SCOPE109 '[true]': 'reserved' must be a single value, not a list")]
    public void A_misplaced_or_repeated_value_names_what_and_where(string yaml, string expected)
    {
        Assert.Equal(new[] { expected }, Render(yaml));
    }

    [Fact]
    public void A_manifest_over_the_length_limit_says_how_long_it_is()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var diagnostic = Assert.Single(ManifestParser.Parse(Path, OneScope + new string('#', ManifestParser.MaxLength)).Diagnostics);
            Assert.Equal("The manifest has 8,388,648 characters; the limit is 8,388,608", diagnostic.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(OneScope + "---\nx: 1\n", "SCOPE108 '---': A scope manifest holds one YAML document; this second document and everything after it is ignored")]
    [InlineData(OneScope + "--- x\n", "SCOPE108 '---': A scope manifest holds one YAML document; this second document and everything after it is ignored")]
    [InlineData(OneScope + "...\n%YAML 1.2\n---\nx: 1\n", "SCOPE108 '%YAML 1.2\n---': A scope manifest holds one YAML document; this second document and everything after it is ignored")]
    // A document started without `---` (after an end marker) has no text of its own: its first three characters are marked.
    [InlineData(OneScope + "...\nx: 1\n", "SCOPE108 'x: ': A scope manifest holds one YAML document; this second document and everything after it is ignored")]
    public void A_second_document_is_refused_at_its_start(string yaml, string expected)
    {
        Assert.Equal(new[] { expected }, Render(yaml));
    }

    [Theory]
    [InlineData("resources: &all\n  r:\n    actions:\n      a: A\n", "&all", "YAML anchors ('&all') are not supported in a scope manifest")]
    [InlineData("resources:\n  r:\n    actions: !!map\n      a: A\n", "!!map", "YAML tags ('tag:yaml.org,2002:map') are not supported in a scope manifest: every value is read as text")]
    [InlineData(OneScope + "presets:\n  p:\n    scopes: &list [\"r:a\"]\n", "&list", "YAML anchors ('&list') are not supported in a scope manifest")]
    public void Anchors_and_tags_on_collections_are_refused_like_those_on_values(string yaml, string property, string message)
    {
        var diagnostic = Assert.Single(ManifestParser.Parse(Path, yaml).Diagnostics);
        Assert.Equal(("SCOPE108", message, yaml.IndexOf(property, System.StringComparison.Ordinal)), (diagnostic.Id, diagnostic.Message, diagnostic.Span.StartOffset));
    }

    [Theory]
    [InlineData("resources:\n  r: \"open\n", "SCOPE100 '\"open\n': Invalid YAML: While scanning a quoted scalar, found unexpected end of stream.")]
    [InlineData(OneScope + "  - b\n", "SCOPE100 '-': Invalid YAML: While parsing a block mapping, did not find expected key.")]
    // YamlDotNet gives this error no width: one character is marked.
    [InlineData("resources:\n  r:\n    actions:\n      a: b: c\n", "SCOPE100 ':': Invalid YAML: While scanning a plain scalar value, found invalid mapping.")]
    public void A_syntax_error_gives_YamlDotNet_s_message_without_its_location_prefix(string yaml, string expected)
    {
        Assert.Equal(new[] { expected }, Render(yaml));
    }

    [Fact]
    public void An_unknown_top_level_key_lists_the_keys_the_manifest_takes()
    {
        Assert.Equal(
            new[] { "SCOPE101 'colour': Unknown key 'colour' in the manifest (expected one of: version, namespace, className, separator, resources, presets)" },
            Render("colour: red\n" + OneScope));
    }

    [Theory]
    // An unclosed '[' or '{' followed by a less indented line: YamlDotNet throws InvalidOperationException, not a
    // YamlException, and its message ("Operation is not valid due to the current state of the object") is not shown.
    [InlineData("resources: [a\nb: c\n", "SCOPE100 '[': Invalid YAML: this '[' is never closed; end it with ']' before the lines that follow")]
    [InlineData("resources:\n  r:\n    actions: [read\n  s: t\n", "SCOPE100 '[': Invalid YAML: this '[' is never closed; end it with ']' before the lines that follow")]
    public void An_unclosed_bracket_that_YamlDotNet_fails_on_is_pointed_at(string yaml, string expected)
    {
        Assert.Equal(expected, Render(yaml)[0]);
    }
}
