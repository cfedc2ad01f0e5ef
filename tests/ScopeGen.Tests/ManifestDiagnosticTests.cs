using Microsoft.CodeAnalysis;
using ScopeGen.Testing;
using ScopeGen.Tests.Helpers;

namespace ScopeGen.Tests;

/// <summary>
/// Every manifest diagnostic, through the real generator driver: its id, severity, file and exact
/// line/column span. The expected span is marked in the YAML with <c>[|...|]</c>.
/// </summary>
public sealed class ManifestDiagnosticTests
{
    private const string Path = "/project/api.scopes.yaml";

    [Theory]
    [InlineData("SCOPE100", "resources:\n  workflow:\n    actions:\n      create: [|\"unterminated\n|]")]
    [InlineData("SCOPE100", "resources:\n  workflow: {actions: {create: x}\n[||]")]
    [InlineData("SCOPE101", "resources:\n  workflow:\n    [|actons|]:\n      create: Create.\n")]
    [InlineData("SCOPE101", "[|namespaces|]: Acme\nresources:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE101", "resources:\n  workflow:\n    actions:\n      create:\n        [|descripton|]: Create.\n")]
    [InlineData("SCOPE102", "resources:\n  workflow:\n    actions:\n      create: Create.\n      [|create|]: Again.\n")]
    [InlineData("SCOPE102", "resources:\n  workflow:\n    actions:\n      create: Create.\n  [|workflow|]:\n    actions:\n      read: Read.\n")]
    [InlineData("SCOPE102", "resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  all:\n    scopes: [\"*\"]\n  [|all|]:\n    scopes: [\"*\"]\n")]
    [InlineData("SCOPE103", "resources:\n  [|1workflow|]:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE103", "resources:\n  workflow:\n    actions:\n      [|create:now|]: Create.\n")]
    [InlineData("SCOPE103", "resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  [|read only|]:\n    scopes: [\"*\"]\n")]
    [InlineData("SCOPE104", "resources:\n  [|catalog|]:\n    actions:\n      read: Read.\n")]
    [InlineData("SCOPE104", "resources:\n  [|scopeSet|]:\n    actions:\n      read: Read.\n")]
    [InlineData("SCOPE104", "resources:\n  [|sortedScopes|]:\n    actions:\n      read: Read.\n")]
    [InlineData("SCOPE107", "className: [|Catalog|]\nresources:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE107", "className: [|All|]\nresources:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE105", "resources:\n  workflow:\n    actions:\n      create: Create.\npresets:\n  some:\n    scopes: [\"workflow:create\", [|\"workflow:craete\"|]]\n")]
    [InlineData("SCOPE105", "resources:\n  workflow:\n    actions:\n      create: Create.\npresets:\n  some:\n    scopes: [[|\"*:read\"|]]\n")]
    [InlineData("SCOPE106", "resources:\n  [|empty|]:\n    description: Nothing here\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE106", "resources:\n  [|empty|]:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE107", "version: [|2|]\nresources:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE107", "separator: [|\" \"|]\nresources:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE107", "separator: [|\"\"|]\nresources:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE107", "namespace: [|Acme..Api|]\nresources:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE107", "className: [|class|]\nresources:\n  workflow:\n    actions:\n      create: Create.\n")]
    [InlineData("SCOPE108", "resources:\n  workflow:\n    actions:\n      create: Create.\n      read: [|*d|]\n")]
    [InlineData("SCOPE108", "resources:\n  workflow:\n    actions:\n      create: [|!custom Create.|]\n")]
    [InlineData("SCOPE108", "resources:\n  workflow:\n    actions:\n      create: Create.\n[|---|]\nresources: {}\n")]
    [InlineData("SCOPE109", "resources: [|[workflow, credential]|]\n")]
    [InlineData("SCOPE109", "resources:\n  workflow:\n    actions:\n      create: [|[a, b]|]\n")]
    [InlineData("SCOPE109", "[|namespace|]: Acme\n")]
    public void Each_rule_is_reported_at_the_marked_span(string id, string markup)
    {
        var input = Markup.Parse(markup);

        var run = GeneratorRunner.Run(input.Text, Path, references: TestCompilation.NetCoreReferences);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        var expectedSeverity = id == "SCOPE106" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
        Assert.Equal(expectedSeverity, diagnostic.DefaultSeverity);
        var location = diagnostic.Location.GetLineSpan();
        Assert.Equal(Path, location.Path);
        Assert.Equal(input.LineSpan, location.Span);
        Assert.Equal(input.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
    }

    [Fact]
    public void A_resource_without_actions_is_a_warning_not_an_error()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Plain",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace P { }") },
            TestCompilation.NetCoreReferences,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var manifest = new InMemoryAdditionalText(Path, "resources:\n  empty:\n  workflow:\n    actions:\n      create: Create.\n");

        var run = GeneratorRunner.Run(compilation, new[] { manifest });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SCOPE106", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Identifier_collision_is_reported_at_both_names()
    {
        const string manifest = "resources:\n  data-table:\n    actions:\n      read: Read.\n  dataTable:\n    actions:\n      list: List.\n";

        var run = GeneratorRunner.Run(manifest, Path, references: TestCompilation.NetCoreReferences);

        var collisions = run.GeneratorDiagnostics.Where(d => d.Id == "SCOPE104").ToList();
        Assert.Equal(2, collisions.Count);
        Assert.All(collisions, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(new[] { 1, 4 }, collisions.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).OrderBy(line => line));
        var byLine = collisions.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal("Resource 'data-table' maps to the C# identifier 'DataTable', which another resource also maps to (api.scopes.yaml(5,3))", byLine[0].GetMessage());
        Assert.Equal("Resource 'dataTable' maps to the C# identifier 'DataTable', which another resource also maps to (api.scopes.yaml(2,3))", byLine[1].GetMessage());
    }

    [Theory]
    [InlineData("resources:\n  [|all|]:\n    actions:\n      read: Read.\n")]
    [InlineData("resources:\n  [|presets|]:\n    actions:\n      read: Read.\n")]
    [InlineData("resources:\n  [|scopes|]:\n    actions:\n      read: Read.\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      [|all|]: Read.\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      [|workflow|]: Read.\n")]
    [InlineData("resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  [|names|]:\n    scopes: [\"*\"]\n")]
    public void A_name_that_would_take_a_generated_member_is_a_collision(string markup)
    {
        var input = Markup.Parse(markup);

        var run = GeneratorRunner.Run(input.Text, Path, references: TestCompilation.NetCoreReferences);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SCOPE104");
        Assert.Equal(input.LineSpan, diagnostic.Location.GetLineSpan().Span);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Unknown_key_suggests_the_closest_key()
    {
        var run = GeneratorRunner.Run("resources:\n  workflow:\n    actons:\n      create: Create.\n", Path, references: TestCompilation.NetCoreReferences);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SCOPE101");
        Assert.Equal("Unknown key 'actons' in resource 'workflow'; did you mean 'actions'?", diagnostic.GetMessage());
    }

    [Fact]
    public void Undefined_preset_scope_suggests_the_closest_scope()
    {
        var run = GeneratorRunner.Run("resources:\n  workflow:\n    actions:\n      create: Create.\npresets:\n  p:\n    scopes: [\"workflow:craete\"]\n", Path, references: TestCompilation.NetCoreReferences);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "SCOPE105");
        Assert.Equal("Preset 'p': 'workflow:craete' is not a defined scope; did you mean 'workflow:create'?", diagnostic.GetMessage());
    }

    [Fact]
    public void Duplicates_across_manifests_are_reported_in_both_files()
    {
        var compilation = TestCompilation.Create(references: TestCompilation.NetCoreReferences, sources: new[] { "namespace P { }" });
        var first = new InMemoryAdditionalText("/project/a.scopes.yaml", "namespace: Acme\nresources:\n  workflow:\n    actions:\n      create: Create.\n");
        var second = new InMemoryAdditionalText("/project/b.scopes.yml", "namespace: Acme\nresources:\n  credential:\n    actions:\n      read: Read.\n  workflow:\n    actions:\n      read: Read.\n");

        var run = GeneratorRunner.Run(compilation, new[] { first, second });

        var duplicates = run.GeneratorDiagnostics.Where(d => d.Id == "SCOPE102").ToList();
        Assert.Equal(2, duplicates.Count);
        var a = Assert.Single(duplicates, d => d.Location.GetLineSpan().Path == "/project/a.scopes.yaml");
        var b = Assert.Single(duplicates, d => d.Location.GetLineSpan().Path == "/project/b.scopes.yml");
        Assert.Equal(new LinePositionSpanText(2, 2, 2, 10), LinePositionSpanText.Of(a));
        Assert.Equal(new LinePositionSpanText(5, 2, 5, 10), LinePositionSpanText.Of(b));
        Assert.Contains("b.scopes.yml(6,3)", a.GetMessage());
        Assert.Contains("a.scopes.yaml(3,3)", b.GetMessage());
    }

    [Fact]
    public void A_manifest_with_errors_still_generates_its_valid_parts()
    {
        const string manifest = "namespace: Acme\nresources:\n  workflow:\n    actons:\n      typo: x\n  credential:\n    actions:\n      read: Read.\n  1bad:\n    actions:\n      x: y\n";
        var program = "namespace Acme { public static class Use { public static string Value => Scopes.Credential.Read; } }";

        var run = GeneratorRunner.Run(manifest, Path, new[] { program }, references: TestCompilation.NetCoreReferences);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "SCOPE101");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "SCOPE103");
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_syntax_error_keeps_what_was_read_before_it()
    {
        const string manifest = "namespace: Acme\nresources:\n  credential:\n    actions:\n      read: Read.\n  workflow:\n    actions:\n      create: \"unterminated\n";
        var program = "namespace Acme { public static class Use { public static string Value => Scopes.Credential.Read; } }";

        var run = GeneratorRunner.Run(manifest, Path, new[] { program }, references: TestCompilation.NetCoreReferences);

        Assert.Equal("SCOPE100", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("just text")]
    public void An_unreadable_root_generates_nothing_and_says_why(string manifest)
    {
        var run = GeneratorRunner.Run(manifest, Path, references: TestCompilation.NetCoreReferences);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SCOPE109", diagnostic.Id);
        Assert.Empty(run.GeneratedSources);
    }

    /// <summary>A line span as plain numbers, for readable assertions.</summary>
    private readonly record struct LinePositionSpanText(int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static LinePositionSpanText Of(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan().Span;
            return new(span.Start.Line, span.Start.Character, span.End.Line, span.End.Character);
        }
    }
}
