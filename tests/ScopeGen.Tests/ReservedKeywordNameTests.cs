using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Manifest;

namespace ScopeGen.Tests;

/// <summary>
/// Every reserved C# keyword, as the compiler lists them, used where the manifest's keyword list matters:
/// as a part of the <c>namespace</c> and as the <c>className</c>. Generated code with such a name would not
/// compile, so the parser must refuse it with a located SCOPE107. In process, no compilation (the keyword
/// list comes from Roslyn, not from <see cref="NameRules"/>), so mutation testing runs it.
/// </summary>
public sealed class ReservedKeywordNameTests
{
    private const string Path = "/p/api.scopes.yaml";
    private const string OneScope = "resources:\n  r:\n    actions:\n      a: A\n";

    public static TheoryData<string> ReservedKeywords() => new(KeywordTexts());

    private static string[] KeywordTexts() => SyntaxFacts.GetReservedKeywordKinds().Select(SyntaxFacts.GetText).ToArray();

    [Theory]
    [MemberData(nameof(ReservedKeywords))]
    public void A_reserved_keyword_is_refused_as_a_namespace_part(string keyword)
    {
        var ns = "Acme." + keyword;
        var result = ManifestParser.Parse(Path, $"namespace: {ns}\n" + OneScope);

        Assert.False(NameRules.IsValidNamespace(ns));
        Assert.Null(result.Manifest!.Namespace);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SCOPE107", $"'{ns}' is not a valid C# namespace"), (diagnostic.Id, diagnostic.Message));
        Assert.Equal(new SourceSpan(0, 11, 0, 11 + ns.Length, 11, 11 + ns.Length), diagnostic.Span);
    }

    [Theory]
    [MemberData(nameof(ReservedKeywords))]
    public void A_reserved_keyword_is_refused_as_the_class_name(string keyword)
    {
        // Quoted, so that 'null', 'true' and 'false' stay strings in YAML.
        var result = ManifestParser.Parse(Path, $"className: '{keyword}'\n" + OneScope);

        Assert.False(NameRules.IsValidIdentifier(keyword));
        Assert.Equal("Scopes", result.Manifest!.ClassName);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SCOPE107", $"'{keyword}' is not a valid C# class name"), (diagnostic.Id, diagnostic.Message));
        Assert.Equal((0, 11), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Theory]
    [MemberData(nameof(ReservedKeywords))]
    public void The_keyword_with_a_trailing_underscore_is_an_ordinary_name(string keyword)
    {
        var name = keyword + "_";
        var result = ManifestParser.Parse(Path, $"namespace: Acme.{name}\nclassName: {name}\n" + OneScope);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(("Acme." + name, name), (result.Manifest!.Namespace, result.Manifest.ClassName));
    }

    [Fact]
    public void The_theories_cover_the_whole_reserved_keyword_list()
    {
        // Guards the theories against an empty or short member list (a Roslyn API change would otherwise
        // silently test nothing): C# has at least the 77 keywords of the language specification.
        var keywords = KeywordTexts();
        Assert.True(keywords.Length >= 77, $"{keywords.Length} keywords");
        Assert.Contains("class", keywords);
        Assert.Contains("namespace", keywords);
        Assert.DoesNotContain("var", keywords);
    }
}
