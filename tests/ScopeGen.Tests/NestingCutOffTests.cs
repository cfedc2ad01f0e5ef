using ScopeGen.Manifest;

namespace ScopeGen.Tests;

/// <summary>
/// The nesting limit stops reading: a value nested too deep is refused and nothing after it is read, so a
/// hostile file cannot make the YAML scanner work through the rest of it (its cost grows quadratically with
/// flow nesting). The diagnostic at the limit is tested in <see cref="ManifestBoundaryTests"/>; this tests
/// that the rest of the file is really ignored.
/// </summary>
public sealed class NestingCutOffTests
{
    private const string Path = "/p/api.scopes.yaml";
    private const string OneScope = "resources:\n  r:\n    actions:\n      a: A\n";

    [Fact]
    public void Nothing_after_a_value_nested_too_deep_is_read()
    {
        var lists = YamlTreeReader.MaxDepth - 2;
        var afterwards = "bogus: 1\nversion: 7\nbroken: \"unclosed\n";
        var text = OneScope + "presets:\n  p:\n    scopes: " + new string('[', lists) + new string(']', lists) + "\n" + afterwards;
        var afterwardsOffset = text.IndexOf("bogus", StringComparison.Ordinal);

        var result = ManifestParser.Parse(Path, text);

        Assert.Contains(result.Diagnostics, d => d.Id == "SCOPE108");
        Assert.DoesNotContain(result.Diagnostics, d => d.Span.StartOffset >= afterwardsOffset);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("bogus") || d.Message.Contains("version"));
        // The unclosed quote is a syntax error the YAML reader would report if it went on reading.
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SCOPE100");
    }

    [Fact]
    public void The_same_text_without_the_deep_value_is_reported()
    {
        // The control case: what follows the deep value above is reported when nothing cuts reading off
        // (a syntax error stops the reader, so the keys before it are not reported).
        var text = OneScope + "bogus: 1\nversion: 7\nbroken: \"unclosed\n";
        var afterwardsOffset = text.IndexOf("bogus", StringComparison.Ordinal);

        var result = ManifestParser.Parse(Path, text);

        Assert.Contains(result.Diagnostics, d => d.Id == "SCOPE100" && d.Span.StartOffset >= afterwardsOffset);
    }
}
