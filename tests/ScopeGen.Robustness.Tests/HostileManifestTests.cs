using System.Text;
using ScopeGen.Robustness.Tests.Harness;
using ScopeGen.Testing;
using Xunit.Abstractions;

namespace ScopeGen.Robustness.Tests;

/// <summary>
/// Every class of hostile manifest in the error budget: the generator survives it with a located
/// diagnostic (or accepts it, where the input is legitimate), within an allocation budget, and what it
/// generates still compiles. Timings are printed (see the test output), never asserted.
/// </summary>
public sealed class HostileManifestTests
{
    /// <summary>Budget for a small input: the driver's fixed cost is a few hundred KiB.</summary>
    private const long SmallBudget = 16L * 1024 * 1024;

    private const string Valid = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      create: Create a workflow.\n      read: Read a workflow.\n";

    private readonly ITestOutputHelper output;

    public HostileManifestTests(ITestOutputHelper output) => this.output = output;

    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused_without_expansion()
    {
        var yaml = new StringBuilder("resources:\n  a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        var outcome = Hostile.Run(yaml.ToString(), output, "billion laughs");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE108", SmallBudget);
        Assert.Contains("anchors", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(outcome.Diagnostics, d => d.Id == "SCOPE108" && d.GetMessage().Contains("aliases ('*a0')", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_alias_is_refused_and_the_rest_still_generates()
    {
        const string yaml = "namespace: Acme\nresources:\n  workflow:\n    actions:\n      create: &text Create.\n      read: *text\n";

        var outcome = Hostile.Run(yaml, output, "alias");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE108", SmallBudget);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(outcome.Diagnostics, d => d.Id == "SCOPE108" && d.Location.GetLineSpan().StartLinePosition.Line == 5);
        Assert.Contains("workflow:create", outcome.Run.GeneratedSources.Values.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchor_on_a_key_is_refused()
    {
        var outcome = Hostile.Run("resources:\n  &key workflow:\n    actions:\n      create: Create.\n", output, "anchor on key");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE108", SmallBudget);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("flow sequences")]
    [InlineData("flow mappings")]
    [InlineData("block sequences")]
    public void Nesting_ten_thousand_levels_deep_is_refused_without_recursion(string shape)
    {
        const int depth = 10_000;
        var yaml = shape switch
        {
            "flow sequences" => "resources: " + Repeat("[", depth) + Repeat("]", depth) + "\n",
            "flow mappings" => "resources: " + Repeat("{a: ", depth) + "x" + Repeat("}", depth) + "\n",
            _ => "resources:\n  " + Repeat("- ", depth) + "x\n",
        };

        var outcome = Hostile.Run(yaml, output, "10,000 levels of " + shape);

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE108", SmallBudget);
        Assert.Contains("deeper than 32 levels", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(1, outcome.Diagnostics.Count(d => d.Id == "SCOPE108"));
    }

    [Fact]
    public void Block_mappings_nested_two_thousand_levels_deep_are_refused()
    {
        var yaml = new StringBuilder("resources:\n");
        for (var i = 1; i <= 2_000; i++)
        {
            yaml.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        var outcome = Hostile.Run(yaml.ToString(), output, "2,000 block mappings");

        Hostile.AssertRejected(outcome, "SCOPE108", SmallBudget + 4 * (long)yaml.Length);
    }

    [Fact]
    public void A_twenty_megabyte_manifest_is_refused_by_size_before_parsing()
    {
        var resource = "  resource{0}:\n    description: " + new string('x', 200) + "\n    actions:\n      read: Read.\n";
        var yaml = new StringBuilder("resources:\n", 21_000_000);
        for (var i = 0; yaml.Length < 20_000_000; i++)
        {
            yaml.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, resource, i);
        }

        var text = yaml.ToString();
        var outcome = Hostile.Run(text, output, "20 MB manifest");

        // The text is copied once into a string (2 bytes a character); nothing is parsed.
        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE100", SmallBudget + 2L * text.Length);
        Assert.Contains("the limit is 8,388,608", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(0, diagnostic.Location.SourceSpan.Start);
        Assert.Empty(outcome.Run.GeneratedSources);
    }

    [Theory]
    [InlineData("resource", 129, "SCOPE103")]
    [InlineData("action", 1_000, "SCOPE103")]
    [InlineData("preset", 1_000, "SCOPE103")]
    [InlineData("resource", 100_000, "SCOPE100")]
    [InlineData("action", 100_000, "SCOPE100")]
    [InlineData("preset", 100_000, "SCOPE100")]
    public void A_long_name_is_an_invalid_name_and_past_yamls_key_limit_a_syntax_error(string kind, int length, string expectedId)
    {
        // YAML caps an implicit key at 1,024 characters: a longer key is a syntax error at its ':'.
        var name = "a" + new string('b', length - 1);
        var yaml = kind switch
        {
            "resource" => $"resources:\n  {name}:\n    actions:\n      read: Read.\n",
            "action" => $"resources:\n  workflow:\n    actions:\n      {name}: Read.\n",
            _ => $"resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  {name}:\n    scopes: [\"*\"]\n",
        };

        var outcome = Hostile.Run(yaml, output, $"{length:N0}-character {kind} name");

        var diagnostic = Hostile.AssertRejected(outcome, expectedId, SmallBudget + 20L * yaml.Length);
        Assert.True(diagnostic.GetMessage().Length < 400, "The message shows the name shortened");
        if (expectedId == "SCOPE103")
        {
            Assert.Equal(name.Length, diagnostic.Location.SourceSpan.Length);
        }
    }

    [Fact]
    public void A_hundred_thousand_character_description_is_accepted_and_compiles()
    {
        var description = Repeat("Lorem ipsum dolor sit amet. ", 3_572).Substring(0, 100_000);
        var yaml = $"namespace: Acme\nresources:\n  workflow:\n    description: {description}\n    actions:\n      create: {description}\n";

        var outcome = Hostile.Run(yaml, output, "100,000-character description");

        Hostile.AssertAccepted(outcome, SmallBudget + 40L * yaml.Length);
        using var emitted = Emitted.Load(outcome.Run.Output);
        Assert.Equal((true, description.TrimEnd()), emitted.TryGetDescription("Acme.Scopes", "workflow:create"));
    }

    [Fact]
    public void Invalid_utf8_in_a_name_is_an_invalid_name()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes("resources:\n  work"), new byte[] { 0xC3, 0x28, 0xFF }, Encoding.UTF8.GetBytes("flow:\n    actions:\n      read: Read.\n"));

        var outcome = Hostile.Run(bytes, output, "invalid UTF-8 in a name");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE103", SmallBudget);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Invalid_utf8_in_a_description_becomes_replacement_characters()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes("namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: Read "), new byte[] { 0xC3, 0x28, 0xFE }, Encoding.UTF8.GetBytes(".\n"));

        var outcome = Hostile.Run(bytes, output, "invalid UTF-8 in a description");

        Hostile.AssertAccepted(outcome, SmallBudget);
        using var emitted = Emitted.Load(outcome.Run.Output);
        var (_, description) = emitted.TryGetDescription("Acme.Scopes", "workflow:read");
        Assert.StartsWith("Read \uFFFD", description, StringComparison.Ordinal);
    }

    public static TheoryData<string> Encodings() => new() { "utf-8 BOM", "utf-16 LE BOM", "utf-16 BE BOM", "utf-32 LE BOM", "CRLF", "CR", "CRLF with BOM" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Encodings_and_line_endings_read_the_same_scopes(string form)
    {
        var text = form.StartsWith("CR", StringComparison.Ordinal) ? Valid.Replace("\n", form.StartsWith("CRLF", StringComparison.Ordinal) ? "\r\n" : "\r") : Valid;
        var bytes = form switch
        {
            "utf-16 LE BOM" => Concat(Encoding.Unicode.GetPreamble(), Encoding.Unicode.GetBytes(text)),
            "utf-16 BE BOM" => Concat(Encoding.BigEndianUnicode.GetPreamble(), Encoding.BigEndianUnicode.GetBytes(text)),
            "utf-32 LE BOM" => Concat(Encoding.UTF32.GetPreamble(), Encoding.UTF32.GetBytes(text)),
            "CRLF" or "CR" => Encoding.UTF8.GetBytes(text),
            _ => Concat(Encoding.UTF8.GetPreamble(), Encoding.UTF8.GetBytes(text)),
        };

        var outcome = Hostile.Run(bytes, output, form);

        Hostile.AssertAccepted(outcome, SmallBudget);
        using var emitted = Emitted.Load(outcome.Run.Output);
        Assert.Equal(new[] { "workflow:create", "workflow:read" }, emitted.All("Acme.Scopes"));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Diagnostics_after_any_line_ending_point_at_the_right_line(string newline)
    {
        var yaml = string.Join(newline, "resources:", "  workflow:", "    actions:", "      create: Create.", "      create: Again.", "      1e3: Number.", "");

        var outcome = Hostile.Run(yaml, output, "line ending " + string.Concat(newline.Select(c => c == '\r' ? "CR" : "LF")));

        var duplicate = Hostile.AssertRejected(outcome, "SCOPE102", SmallBudget);
        Assert.Equal(4, duplicate.Location.GetLineSpan().StartLinePosition.Line);
        var invalid = outcome.Diagnostics.Single(d => d.Id == "SCOPE103");
        Assert.Equal(5, invalid.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(6, invalid.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public void A_file_of_only_a_byte_order_mark_is_empty()
    {
        var outcome = Hostile.Run(Encoding.UTF8.GetPreamble(), output, "BOM only");

        Hostile.AssertRejected(outcome, "SCOPE109", SmallBudget);
    }

    [Fact]
    public void Utf16_without_a_bom_is_a_syntax_error()
    {
        var outcome = Hostile.Run(Encoding.Unicode.GetBytes(Valid), output, "UTF-16 without BOM");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE100", SmallBudget);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("workflow", string.Concat(outcome.Run.GeneratedSources.Values), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    public void A_unicode_line_separator_breaks_lines_for_yaml_and_the_editor_alike(char separator)
    {
        // YamlDotNet (YAML 1.1) and the compiler both take U+0085, U+2028 and U+2029 for line breaks; in a
        // description they are written escaped ("\L", "\P", "\N") to be kept as characters.
        var yaml = $"resources:{separator}  workflow:{separator}    actions:{separator}      read: Read.{separator}      1e3: Number.\n";

        var outcome = Hostile.Run(yaml, output, $"U+{(int)separator:X4} as line breaks");

        // AssertRejected compares every diagnostic's line and column with the compiler's line breaking.
        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE103", SmallBudget);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(4, 6), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void A_tab_in_indentation_is_a_syntax_error_at_the_tab()
    {
        var outcome = Hostile.Run("resources:\n\tworkflow:\n    actions:\n      read: Read.\n", output, "tab indentation");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE100", SmallBudget);
        Assert.Contains("tab", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_inside_a_description_is_kept_in_the_value()
    {
        var outcome = Hostile.Run("namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: Read\tit.\n", output, "tab in description");

        Hostile.AssertAccepted(outcome, SmallBudget);
        using var emitted = Emitted.Load(outcome.Run.Output);
        Assert.Equal((true, "Read\tit."), emitted.TryGetDescription("Acme.Scopes", "workflow:read"));
    }

    [Theory]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read\0it.\n", 3)]
    [InlineData("resources:\n  work\0flow:\n    actions:\n      read: Read.\n", 1)]
    [InlineData("\0", 0)]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read.\n\0\n  other:\n    actions:\n      list: List.\n", 4)]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read.\n  \0other:\n    actions:\n      list: List.\n", 4)]
    public void A_nul_character_is_a_syntax_error_at_its_line(string yaml, int line)
    {
        var outcome = Hostile.Run(yaml, output, "NUL");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE100", SmallBudget);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read.\n  workflow:\n    actions:\n      list: List.\n", 4)]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read.\n      read: Again.\n", 4)]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read.\nresources:\n  other:\n    actions:\n      read: Read.\n", 4)]
    [InlineData("resources: {workflow: {actions: {read: Read., read: Again.}}}\n", 0)]
    public void Duplicate_mapping_keys_are_reported_at_the_repetition(string yaml, int line)
    {
        var outcome = Hostile.Run(yaml, output, "duplicate keys");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE102", SmallBudget);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read.\n---\nresources:\n  other:\n    actions:\n      read: Read.\n", 4)]
    [InlineData("---\nresources:\n  workflow:\n    actions:\n      read: Read.\n...\n---\n", 6)]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read.\n---\n" + "---\n---\n---\n", 4)]
    public void A_second_document_is_refused_and_the_first_still_generates(string yaml, int line)
    {
        var outcome = Hostile.Run(yaml, output, "multi-document");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE108", SmallBudget);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("\"workflow:read\"", outcome.Run.GeneratedSources.Values.Single(), StringComparison.Ordinal);
        // Neither the second document's scope nor its resource class (the generated code's own words may say "other").
        Assert.DoesNotContain("\"other:", outcome.Run.GeneratedSources.Values.Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("class Other", outcome.Run.GeneratedSources.Values.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: !!python/object:os.system [\"rm -rf /\"]\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: !custom Read.\n")]
    [InlineData("resources: !!map\n  workflow:\n    actions:\n      read: Read.\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: !!str Read.\n")]
    [InlineData("%TAG !e! tag:example.com,2000:\n---\nresources:\n  workflow:\n    actions:\n      read: !e!x Read.\n")]
    [InlineData("resources:\n  !<tag:yaml.org,2002:str> workflow:\n    actions:\n      read: Read.\n")]
    public void Yaml_tags_are_refused(string yaml)
    {
        var outcome = Hostile.Run(yaml, output, "tag");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE108", SmallBudget);
        Assert.Contains("tags", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resources:\n  ? [a, b]\n  : actions:\n      read: Read.\n")]
    [InlineData("resources:\n  ? {a: b}\n  : x\n")]
    [InlineData("resources:\n  [a, b]: x\n")]
    [InlineData("? - a\n  - b\n: x\nresources:\n  workflow:\n    actions:\n      read: Read.\n")]
    public void Complex_keys_are_refused(string yaml)
    {
        var outcome = Hostile.Run(yaml, output, "complex key");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE108", SmallBudget);
        Assert.Contains("Complex mapping keys", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_flow_sequence_that_crashes_the_yaml_reader_is_a_located_syntax_error()
    {
        // YamlDotNet throws InvalidOperationException (not a YamlException) on this input.
        var outcome = Hostile.Run("resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  all:\n    scopes: [\"workflow:read\"\n  other:\n    scopes: []\n", output, "YamlDotNet crash");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE100", SmallBudget);
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("please report", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("\"workflow:read\"", outcome.Run.GeneratedSources.Values.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: \"\\uD83D\\uDE\n      list: \"*/ Create\"\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: \"\\uDE\n      list: List.\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: \"\\uD83D\\uDE\"\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: \"\\U0011FFFF\"\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: \"\\xZZ\"\n")]
    public void A_broken_escape_in_a_quoted_scalar_is_a_located_syntax_error(string yaml)
    {
        var outcome = Hostile.Run(yaml, output, "broken escape");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE100", SmallBudget);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("please report", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_entry_is_reported_at_the_file_start()
    {
        var outcome = Hostile.Run(new InMemoryAdditionalText(Hostile.ManifestPath, (string?)null), output, "directory entry");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE100", SmallBudget);
        Assert.Contains("could not be read", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(outcome.Run.GeneratedSources);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n  ")]
    [InlineData("# only a comment\n# and another\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void An_empty_manifest_is_reported(string yaml)
    {
        var outcome = Hostile.Run(yaml, output, "empty");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE109", SmallBudget);
        Assert.Contains("empty", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(outcome.Run.GeneratedSources);
    }

    [Theory]
    [InlineData("just text\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("\"resources\"\n")]
    public void A_manifest_that_is_not_a_mapping_is_reported(string yaml)
    {
        var outcome = Hostile.Run(yaml, output, "not a mapping");

        Hostile.AssertRejected(outcome, "SCOPE109", SmallBudget);
        Assert.Empty(outcome.Run.GeneratedSources);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();
}
