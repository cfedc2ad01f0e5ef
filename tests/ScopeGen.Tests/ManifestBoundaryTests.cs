using ScopeGen.Manifest;

namespace ScopeGen.Tests;

/// <summary>
/// The manifest's limits at their edges: the characters a name may hold (each range's first and last and
/// the neighbours outside it), the name, file and nesting limits at the limit and one past it, NUL
/// anywhere, the separator's character check, and the YAML 1.1 spellings of booleans and nulls.
/// </summary>
public sealed class ManifestBoundaryTests
{
    private const string Path = "/p/api.scopes.yaml";
    private const string OneScope = "resources:\n  r:\n    actions:\n      a: A\n";

    [Theory]
    [InlineData("a")]
    [InlineData("z")]
    [InlineData("A")]
    [InlineData("Z")]
    [InlineData("a0")]
    [InlineData("a9")]
    [InlineData("aa")]
    [InlineData("az")]
    [InlineData("aA")]
    [InlineData("aZ")]
    [InlineData("a_")]
    [InlineData("a-")]
    public void Names_at_the_edges_of_each_character_range_are_valid(string name)
    {
        Assert.True(NameRules.IsValidName(name));
        Assert.Empty(ManifestParser.Parse(Path, $"resources:\n  {name}:\n    actions:\n      {name}: A\n").Diagnostics);
    }

    [Theory]
    [InlineData("a/")] // '0' - 1
    [InlineData("a:")] // '9' + 1
    [InlineData("a`")] // 'a' - 1
    [InlineData("a{")] // 'z' + 1
    [InlineData("a@")] // 'A' - 1
    [InlineData("a[")] // 'Z' + 1
    [InlineData("a.")]
    [InlineData("0a")]
    [InlineData("9a")]
    [InlineData("_a")]
    [InlineData("-a")]
    [InlineData("`a")]
    [InlineData("{a")]
    [InlineData("@a")]
    [InlineData("[a")]
    public void Names_just_outside_each_character_range_are_invalid(string name)
    {
        Assert.False(NameRules.IsValidName(name));
    }

    [Theory]
    [InlineData("a/")]
    [InlineData("a:b")]
    [InlineData("a`")]
    [InlineData("a{")]
    [InlineData("a@")]
    [InlineData("0a")]
    public void An_invalid_action_name_is_a_located_SCOPE103_and_the_rest_is_kept(string name)
    {
        var yaml = $"resources:\n  r:\n    actions:\n      \"{name}\": X\n      ok: Y\n";

        var result = ManifestParser.Parse(Path, yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SCOPE103", diagnostic.Id);
        Assert.Equal($"'{name}' is not a valid action name: a name starts with a letter, contains only letters, digits, '_' and '-', and has at most 128 characters", diagnostic.Message);
        Assert.Equal((3, 6), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(new[] { "ok" }, result.Manifest!.Resources.Single().Actions.Select(a => a.Name));
    }

    [Fact]
    public void A_name_of_the_maximum_length_is_valid_and_one_more_character_is_not()
    {
        var longest = "r" + new string('x', NameRules.MaxNameLength - 1);
        var tooLong = longest + "x";

        var accepted = ManifestParser.Parse(Path, $"resources:\n  {longest}:\n    actions:\n      a: A\n");
        var refused = ManifestParser.Parse(Path, $"resources:\n  {tooLong}:\n    actions:\n      a: A\n  s:\n    actions:\n      a: A\n");

        Assert.Empty(accepted.Diagnostics);
        Assert.Equal(longest, accepted.Manifest!.Resources.Single().Name);
        var diagnostic = Assert.Single(refused.Diagnostics);
        Assert.Equal("SCOPE103", diagnostic.Id);
        Assert.Equal((2, 2 + NameRules.MaxNameLength + 1), (diagnostic.Span.StartColumn, diagnostic.Span.EndColumn));
        Assert.Equal(new[] { "s" }, refused.Manifest!.Resources.Select(r => r.Name));
    }

    [Fact]
    public void A_long_invalid_name_is_shown_cut_at_60_characters()
    {
        var sixty = "1" + new string('x', 59);

        var exact = ManifestParser.Parse(Path, $"resources:\n  \"{sixty}\":\n    actions:\n      a: A\n").Diagnostics.Single();
        var longer = ManifestParser.Parse(Path, $"resources:\n  \"{sixty}y\":\n    actions:\n      a: A\n").Diagnostics.Single();

        Assert.StartsWith($"'{sixty}' is not a valid resource name", exact.Message, StringComparison.Ordinal);
        Assert.StartsWith($"'{sixty}…' is not a valid resource name", longer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_a", true)]
    [InlineData("a0", true)]
    [InlineData("a9", true)]
    [InlineData("Az", true)]
    [InlineData("zZ", true)]
    [InlineData("a_b", true)]
    [InlineData("", false)]
    [InlineData("a-b", false)]
    [InlineData("0a", false)]
    [InlineData("a/", false)]
    [InlineData("a:", false)]
    [InlineData("a`", false)]
    [InlineData("a{", false)]
    [InlineData("a@", false)]
    [InlineData("a[", false)]
    [InlineData("@a", false)]
    [InlineData("class", false)]
    [InlineData("Class", true)]
    public void Class_names_and_namespace_parts_are_plain_identifiers(string text, bool valid)
    {
        Assert.Equal(valid, NameRules.IsValidIdentifier(text));
        Assert.Equal(valid, NameRules.IsValidNamespace(text));
        Assert.Equal(valid, NameRules.IsValidNamespace("Acme." + text));
    }

    [Fact]
    public void Identifiers_are_limited_to_512_characters()
    {
        Assert.True(NameRules.IsValidIdentifier(new string('a', 512)));
        Assert.False(NameRules.IsValidIdentifier(new string('a', 513)));
    }

    [Theory]
    [InlineData("Acme.Api", true)]
    [InlineData("Acme", true)]
    [InlineData("Acme..Api", false)]
    [InlineData(".Acme", false)]
    [InlineData("Acme.", false)]
    [InlineData("Acme.class", false)]
    public void Namespaces_are_dotted_identifiers(string text, bool valid)
    {
        Assert.Equal(valid, NameRules.IsValidNamespace(text));
        var result = ManifestParser.Parse(Path, $"namespace: {text}\n" + OneScope);
        Assert.Equal(valid ? text : null, result.Manifest!.Namespace);
        Assert.Equal(valid ? 0 : 1, result.Diagnostics.Count(d => d.Id == "SCOPE107"));
    }

    [Fact]
    public void A_class_name_setting_is_kept_with_its_span_or_refused()
    {
        var accepted = ManifestParser.Parse(Path, "className: Grants\n" + OneScope);
        var refused = ManifestParser.Parse(Path, "className: 1Grants\n" + OneScope);

        Assert.Equal("Grants", accepted.Manifest!.ClassName);
        Assert.Equal(new SourceSpan(0, 11, 0, 17, 11, 17), accepted.Manifest.ClassNameSpan);
        Assert.Equal("Scopes", refused.Manifest!.ClassName);
        Assert.Equal(SourceSpan.FileStart, refused.Manifest.ClassNameSpan);
        var diagnostic = Assert.Single(refused.Diagnostics);
        Assert.Equal(("SCOPE107", "'1Grants' is not a valid C# class name"), (diagnostic.Id, diagnostic.Message));
    }

    [Fact]
    public void A_manifest_of_the_maximum_length_is_read_and_one_character_more_is_refused()
    {
        var longest = OneScope + "#" + new string('x', ManifestParser.MaxLength - OneScope.Length - 2) + "\n";
        Assert.Equal(ManifestParser.MaxLength, longest.Length);

        var accepted = ManifestParser.Parse(Path, longest);
        var refused = ManifestParser.Parse(Path, longest + "\n");

        Assert.Empty(accepted.Diagnostics);
        Assert.Equal("r:a", accepted.Manifest!.Resources.Single().Name + ":" + accepted.Manifest.Resources.Single().Actions.Single().Name);
        Assert.Null(refused.Manifest);
        var diagnostic = Assert.Single(refused.Diagnostics);
        Assert.Equal("SCOPE100", diagnostic.Id);
        Assert.Equal(SourceSpan.FileStart, diagnostic.Span);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_one_level_deeper_is_refused_there()
    {
        // The root, 'presets' and 'p' mappings are three levels; each '[' opens one more.
        var lists = YamlTreeReader.MaxDepth - 3;
        var deepest = OneScope + "presets:\n  p:\n    scopes: " + new string('[', lists) + new string(']', lists) + "\n";
        var tooDeep = OneScope + "presets:\n  p:\n    scopes: " + new string('[', lists + 1) + new string(']', lists + 1) + "\n";

        var accepted = ManifestParser.Parse(Path, deepest);
        var refused = ManifestParser.Parse(Path, tooDeep);

        Assert.DoesNotContain(accepted.Diagnostics, d => d.Id == "SCOPE108");
        var diagnostic = Assert.Single(refused.Diagnostics, d => d.Id == "SCOPE108");
        Assert.Equal($"The manifest is nested deeper than {YamlTreeReader.MaxDepth} levels; this value and the rest of the manifest are ignored", diagnostic.Message);
        var bracket = tooDeep.IndexOf('[') + lists;
        Assert.Equal(bracket, diagnostic.Span.StartOffset);
    }

    [Fact]
    public void A_NUL_as_the_very_first_character_is_reported_there()
    {
        var result = ManifestParser.Parse(Path, "\0" + OneScope);

        Assert.Equal(new[] { "SCOPE100", "SCOPE109" }, result.Diagnostics.Select(d => d.Id));
        Assert.Equal(new SourceSpan(0, 0, 0, 1, 0, 1), result.Diagnostics[0].Span);
        Assert.Contains("NUL character (U+0000)", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Null(result.Manifest);
    }

    [Fact]
    public void A_NUL_later_cuts_the_text_there_and_keeps_what_came_before()
    {
        var text = OneScope + "\0presets: [";

        var result = ManifestParser.Parse(Path, text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SCOPE100", diagnostic.Id);
        Assert.Equal((OneScope.Length, OneScope.Length + 1), (diagnostic.Span.StartOffset, diagnostic.Span.EndOffset));
        Assert.Equal((4, 0), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal("r", result.Manifest!.Resources.Single().Name);
    }

    [Theory]
    [InlineData("\"a b\"")]
    [InlineData("\"a\\tb\"")]
    [InlineData("\"a\\x01\"")]
    [InlineData("\" :\"")]
    [InlineData("\":\\u00A0\"")]
    public void A_separator_with_any_whitespace_or_control_character_is_refused(string separator)
    {
        var result = ManifestParser.Parse(Path, $"separator: {separator}\n" + OneScope);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SCOPE107", 0, 11), (diagnostic.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(":", result.Manifest!.Separator);
    }

    [Theory]
    [InlineData("\"::\"", "::")]
    [InlineData("/", "/")]
    [InlineData("\".\"", ".")]
    public void A_separator_without_whitespace_is_used(string separator, string expected)
    {
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (Path, $"separator: {separator}\n" + OneScope) }, null);

        Assert.Empty(diagnostics);
        Assert.Equal("r" + expected + "a", catalog.Classes.Single().AllScopes.Single().Value);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("YES")]
    [InlineData("on")]
    [InlineData("On")]
    [InlineData("ON")]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    public void Deprecated_as_a_plain_yes_or_empty_deprecates_without_a_message(string value)
    {
        var action = ReadAction($"description: D\n        deprecated: {value}");

        Assert.True(action.IsDeprecated);
        Assert.Null(action.DeprecationMessage);
        Assert.Equal("D", action.Description);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    [InlineData("no")]
    [InlineData("No")]
    [InlineData("NO")]
    [InlineData("off")]
    [InlineData("Off")]
    [InlineData("OFF")]
    [InlineData("n")]
    [InlineData("N")]
    public void Deprecated_as_a_plain_no_does_not_deprecate(string value)
    {
        var action = ReadAction($"deprecated: {value}");

        Assert.False(action.IsDeprecated);
        Assert.Null(action.DeprecationMessage);
    }

    [Theory]
    [InlineData("\"no\"", "no")]
    [InlineData("'false'", "false")]
    [InlineData("\"yes\"", "yes")]
    [InlineData("nope", "nope")]
    [InlineData("yess", "yess")]
    [InlineData("1", "1")]
    [InlineData("Use r:b instead", "Use r:b instead")]
    public void Deprecated_as_other_text_deprecates_with_that_text_as_the_message(string value, string message)
    {
        var action = ReadAction($"deprecated: {value}");

        Assert.True(action.IsDeprecated);
        Assert.Equal(message, action.DeprecationMessage);
    }

    [Fact]
    public void An_action_without_deprecated_is_not_deprecated()
    {
        var action = ReadAction("description: D");

        Assert.False(action.IsDeprecated);
        Assert.Null(action.DeprecationMessage);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("~", null)]
    [InlineData("null", null)]
    [InlineData("Null", null)]
    [InlineData("NULL", null)]
    [InlineData("nULL", "nULL")]
    [InlineData("\"null\"", "null")]
    [InlineData("'~'", "~")]
    [InlineData("\"\"", "")]
    public void Only_plain_YAML_nulls_are_no_description(string value, string? description)
    {
        var result = ManifestParser.Parse(Path, $"resources:\n  r:\n    actions:\n      a: {value}\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(description, result.Manifest!.Resources.Single().Actions.Single().Description);
    }

    private static ActionDefinition ReadAction(string body)
    {
        var result = ManifestParser.Parse(Path, $"resources:\n  r:\n    actions:\n      a:\n        {body}\n");
        Assert.Empty(result.Diagnostics);
        return result.Manifest!.Resources.Single().Actions.Single();
    }
}
