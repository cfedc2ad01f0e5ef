using System.Reflection;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Robustness.Tests.Harness;
using ScopeGen.Testing;

namespace ScopeGen.Robustness.Tests;

/// <summary>
/// Descriptions and deprecation messages that try to break out of a string literal or an XML doc
/// comment: the generated code compiles with XML doc checking on, declares exactly the expected
/// members, and every string reads back exactly as written in the manifest.
/// </summary>
public sealed class EscapingTests
{
    public static readonly string[] HostileTexts =
    {
        "*/ public static int Injected = 1; /*",
        "</summary><summary>injected</summary>",
        "\"; public const string Injected = \"",
        "back\\slash \\\" \\u0041 \\",
        "line one\nline two\r\nline three\rline four",
        "{ } {0} {{ }} $\"{Injected}\"",
        "para\u2028graph\u2029end\u0085nel",
        "bidi \u202Egnp.exe\u202C \u2066isolate\u2069 \u200Fmark\u200E \u061C",
        "nul \0 bell \a escape \u001B del \u007F c1 \u0080\u009F",
        "]]> <!-- --> <![CDATA[ x ]]> &amp; &lt; <b>bold</b>",
        "#error injected\n#region\n// comment\n/// <summary>",
        "emoji \U0001F600 and non-characters \uFFFE\uFFFF",
        "\t tab-led with trailing spaces   ",
        "",
    };

    [Fact]
    public void Hostile_descriptions_and_messages_round_trip_through_literals_and_xml_docs()
    {
        var manifest = new System.Text.StringBuilder("namespace: Acme\nresources:\n  workflow:\n    description: ")
            .Append(Yaml.Quote(HostileTexts[0])).Append("\n    actions:\n");
        for (var i = 0; i < HostileTexts.Length; i++)
        {
            manifest.Append($"      a{i}:\n        description: {Yaml.Quote(HostileTexts[i])}\n        deprecated: {Yaml.Quote(HostileTexts[^(i + 1)] + "!")}\n");
        }

        manifest.Append("presets:\n  everything:\n    description: ").Append(Yaml.Quote(HostileTexts[1])).Append("\n    scopes: [\"*\"]\n");

        // XML doc comments are parsed and checked (CS1570 and friends are errors here).
        var parseOptions = TestCompilation.ParseOptions().WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = TestCompilation.Create(new[] { "namespace Acme { internal static class Placeholder { } }" }, TestCompilation.NetCoreReferences);
        compilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("namespace Acme { internal static class Placeholder { } }", parseOptions, "Source0.cs"));
        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText("/project/hostile.scopes.yaml", manifest.ToString()) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.All(run.Output.SyntaxTrees, tree => Assert.Equal(DocumentationMode.Diagnose, tree.Options.DocumentationMode));

        using var emitted = Emitted.Load(run.Output, withDocumentation: true);

        // Exactly the declared members: nothing was injected.
        var workflow = emitted.Type("Acme.Scopes+Workflow");
        var expectedFields = Enumerable.Range(0, HostileTexts.Length).Select(i => "A" + i).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expectedFields, workflow.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.DoesNotContain(emitted.Assembly.GetTypes().SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)), m => m.Name.Contains("Injected", StringComparison.Ordinal));

        var documentation = XDocument.Parse(emitted.Documentation!);
        for (var i = 0; i < HostileTexts.Length; i++)
        {
            var scope = "workflow:a" + i;
            Assert.Equal((true, HostileTexts[i]), emitted.TryGetDescription("Acme.Scopes", scope));
            var field = workflow.GetField("A" + i)!;
            Assert.Equal(scope, field.GetRawConstantValue());
            Assert.Equal(HostileTexts[^(i + 1)] + "!", field.GetCustomAttribute<ObsoleteAttribute>()!.Message);

            var summary = documentation.Descendants("member").Single(m => (string?)m.Attribute("name") == "F:Acme.Scopes.Workflow.A" + i).Element("summary")!.Value;
            Assert.Equal(DocText(HostileTexts[i]), Collapse(summary));
        }

        var resourceSummary = documentation.Descendants("member").Single(m => (string?)m.Attribute("name") == "T:Acme.Scopes.Workflow").Element("summary")!.Value;
        Assert.Equal(DocText(HostileTexts[0]), Collapse(resourceSummary));
    }

    /// <summary>What a doc comment can keep of a text: line breaks and tabs become spaces, characters XML forbids become U+FFFD.</summary>
    private static string DocText(string text) => Collapse(new string(text.Select(c =>
        c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\t' ? ' '
        : c < ' ' || (c >= '\u007F' && c <= '\u009F') || c is '\uFFFE' or '\uFFFF' ? '\uFFFD'
        : c).ToArray()));

    private static string Collapse(string text) => string.Join(" ", text.Split(new[] { ' ', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries));
}
