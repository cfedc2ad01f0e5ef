using ScopeGen.Manifest;
using ScopeGen.Robustness.Tests.Harness;
using Xunit.Abstractions;

namespace ScopeGen.Robustness.Tests;

/// <summary>
/// Scalars that YAML 1.1 would type as booleans, numbers or null. ScopeGen reads every scalar as text,
/// so none of them changes meaning silently: as a name it is valid or invalid by the name rule alone,
/// and the only typed readings are "no value" (empty, ~, null) and a plain boolean for 'deprecated'.
/// </summary>
public sealed class Yaml11ScalarTests
{
    private const long Budget = 16L * 1024 * 1024;

    private readonly ITestOutputHelper output;

    public Yaml11ScalarTests(ITestOutputHelper output) => this.output = output;

    [Theory]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("ON")]
    [InlineData("off")]
    [InlineData("y")]
    [InlineData("n")]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    public void A_yaml_11_boolean_or_null_word_is_a_name_like_any_other(string name)
    {
        var yaml = $"namespace: Acme\nresources:\n  {name}:\n    actions:\n      read: Read.\n  workflow:\n    actions:\n      {name}: Text.\npresets:\n  {name}:\n    scopes: [\"*\"]\n";

        var outcome = Hostile.Run(yaml, output, name);

        Hostile.AssertAccepted(outcome, Budget);
        using var emitted = Emitted.Load(outcome.Run.Output);
        var identifier = NameRules.ToIdentifier(name);
        Assert.Equal(new[] { name + ":read", "workflow:" + name }, emitted.All("Acme.Scopes"));
        Assert.Equal(name + ":read", emitted.Constant($"Acme.Scopes+{identifier}", "Read"));
        Assert.Equal("workflow:" + name, emitted.Constant("Acme.Scopes+Workflow", identifier));
        Assert.Equal((true, "Text."), emitted.TryGetDescription("Acme.Scopes", "workflow:" + name));
        var presets = (IReadOnlyList<string>)emitted.Type("Acme.Scopes+Presets").GetProperty("Names")!.GetValue(null)!;
        Assert.Equal(new[] { name }, presets);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1e3")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".nan")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("1_000")]
    [InlineData("190:20:30")]
    [InlineData("~")]
    [InlineData("\"\"")]
    [InlineData("\"~\"")]
    [InlineData("2001-12-14")]
    public void A_yaml_11_number_null_or_date_is_an_invalid_name_reported_at_the_key(string key)
    {
        foreach (var kind in new[] { "resource", "action", "preset" })
        {
            var yaml = kind switch
            {
                "resource" => $"resources:\n  {key}:\n    actions:\n      read: Read.\n",
                "action" => $"resources:\n  workflow:\n    actions:\n      {key}: Read.\n      list: List.\n",
                _ => $"resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  {key}:\n    scopes: [\"*\"]\n",
            };

            var outcome = Hostile.Run(yaml, output, $"{kind} {key}");

            var diagnostic = Hostile.AssertRejected(outcome, "SCOPE103", Budget);
            Assert.Contains($"valid {kind} name", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(key.Length, diagnostic.Location.SourceSpan.Length);
            Assert.Equal(yaml.IndexOf(key + ":", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        }
    }

    [Fact]
    public void An_empty_key_is_an_invalid_name_not_a_silent_null()
    {
        var outcome = Hostile.Run("resources:\n  workflow:\n    actions:\n      : Nameless.\n      read: Read.\n", output, "empty key");

        var diagnostic = Hostile.AssertRejected(outcome, "SCOPE103", Budget);
        Assert.StartsWith("'' is not a valid action name", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("1e3", "1e3")]
    [InlineData(".inf", ".inf")]
    [InlineData("0x1F", "0x1F")]
    [InlineData("\"null\"", "null")]
    [InlineData("'~'", "~")]
    [InlineData("~", "")]
    [InlineData("null", "")]
    [InlineData("", "")]
    public void A_description_is_text_and_only_an_unquoted_null_means_none(string written, string expected)
    {
        var outcome = Hostile.Run($"namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: {written}\n", output, "description " + written);

        Hostile.AssertAccepted(outcome, Budget);
        using var emitted = Emitted.Load(outcome.Run.Output);
        Assert.Equal((true, expected), emitted.TryGetDescription("Acme.Scopes", "workflow:read"));
    }

    [Theory]
    [InlineData("false", false, null)]
    [InlineData("no", false, null)]
    [InlineData("Off", false, null)]
    [InlineData("true", true, null)]
    [InlineData("yes", true, null)]
    [InlineData("", true, null)]
    [InlineData("~", true, null)]
    [InlineData("\"false\"", true, "false")]
    [InlineData("Use workflow:list", true, "Use workflow:list")]
    public void Deprecated_takes_a_plain_boolean_as_whether_and_any_other_text_as_the_message(string written, bool deprecated, string? message)
    {
        var outcome = Hostile.Run($"namespace: Acme\nresources:\n  workflow:\n    actions:\n      read:\n        deprecated: {written}\n      list: List.\n", output, "deprecated " + written);

        Hostile.AssertSurvived(outcome, Budget);
        using var emitted = Emitted.Load(outcome.Run.Output);
        var field = emitted.Type("Acme.Scopes+Workflow").GetField("Read")!;
        var obsolete = field.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>().SingleOrDefault();
        Assert.Equal(deprecated, obsolete is not null);
        if (deprecated)
        {
            Assert.Equal(message ?? "The scope 'workflow:read' is deprecated.", obsolete!.Message);
        }
    }

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    public void An_unquoted_null_setting_means_the_default(string written)
    {
        var yaml = $"version: {written}\nnamespace: {written}\nclassName: {written}\nseparator: {written}\nresources:\n  workflow:\n    actions:\n      read: Read.\n";

        var outcome = Hostile.Run(yaml, output, "settings " + written);

        Hostile.AssertAccepted(outcome, Budget);
        using var emitted = Emitted.Load(outcome.Run.Output);
        Assert.Equal(new[] { "workflow:read" }, emitted.All("Scopes"));
    }

    [Theory]
    [InlineData("version: 1.0", "SCOPE107")]
    [InlineData("version: yes", "SCOPE107")]
    [InlineData("separator: \"null\"", null)]
    [InlineData("namespace: \"null\"", "SCOPE107")]
    [InlineData("className: \"~\"", "SCOPE107")]
    public void A_quoted_or_typed_looking_setting_is_text(string setting, string? expectedId)
    {
        var yaml = $"{setting}\nresources:\n  workflow:\n    actions:\n      read: Read.\n";

        var outcome = Hostile.Run(yaml, output, setting);

        if (expectedId is null)
        {
            Hostile.AssertAccepted(outcome, Budget);
            Assert.Contains("\"workflownullread\"", outcome.Run.GeneratedSources.Values.Single(), StringComparison.Ordinal);
        }
        else
        {
            var diagnostic = Hostile.AssertRejected(outcome, expectedId, Budget);
            Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        }
    }
}
