using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScopeGen.Analyzers.CodeFixes;
using ScopeGen.Generator;
using ScopeGen.Testing;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// What the compiler and IDE hosts need from the shipped assemblies: no Roslyn newer than the 4.8 floor
/// (.NET 8 SDK, Visual Studio 17.8), and help links that open the rule's row in docs/analyzers.md.
/// </summary>
public class CompatibilityAndHelpLinkTests
{
    private static readonly Version RoslynFloor = new(4, 8, 0, 0);

    public static TheoryData<string> ShippedAssemblies => new()
    {
        typeof(AddScopeRequirementCodeFixProvider).Assembly.Location,
        typeof(ScopeAnalyzer).Assembly.Location,
        typeof(ScopesGenerator).Assembly.Location,
    };

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void Shipped_assembly_references_no_Roslyn_above_4_8(string path)
    {
        var references = AssemblyReferences(path);

        var roslyn = references.Where(reference => reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, reference => Assert.True(reference.Version <= RoslynFloor, $"{Path.GetFileName(path)} references {reference.Name} {reference.Version}"));
        // System.Composition 8 (the oldest the registry has) is compile-only: nothing may bind to it.
        Assert.DoesNotContain(references, reference => reference.Name.StartsWith("System.Composition", StringComparison.Ordinal));
    }

    [Fact]
    public void Code_fix_assembly_is_built_against_Workspaces_4_8()
    {
        var references = AssemblyReferences(typeof(AddScopeRequirementCodeFixProvider).Assembly.Location);
        Assert.Contains(("Microsoft.CodeAnalysis.Workspaces", RoslynFloor), references);
    }

    [Fact]
    public void Analyzer_help_links_open_the_rule_row_in_the_docs()
    {
        var descriptors = new ScopeAnalyzer().SupportedDiagnostics;
        Assert.Equal(["SCOPE001", "SCOPE002", "SCOPE003", "SCOPE004", "SCOPE005", "SCOPE006", "SCOPE007", "SCOPE008"], descriptors.Select(descriptor => descriptor.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.All(descriptors, descriptor => AssertHelpLink(descriptor.Id, descriptor.HelpLinkUri));
    }

    [Fact]
    public void Manifest_diagnostic_help_links_open_the_rule_row_in_the_docs()
    {
        // SCOPE101 (unknown key) and SCOPE106 (resource without actions), reported by the generator.
        var run = GeneratorRunner.Run("version: 1\nresources:\n  order:\n    actons:\n      read: Read.\n");
        var diagnostics = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id.StartsWith("SCOPE1", StringComparison.Ordinal)).ToList();
        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "SCOPE101");
        Assert.All(diagnostics, diagnostic => AssertHelpLink(diagnostic.Id, diagnostic.Descriptor.HelpLinkUri));
    }

    /// <summary>The link is the one repository URL of Directory.Build.props, the rules page and the rule's anchor, which the page has.</summary>
    private static void AssertHelpLink(string id, string helpLink)
    {
        var repositoryUrl = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("ScopeGenRepositoryUrl").Single().Value.Trim();
        Assert.Equal($"{repositoryUrl}/blob/main/docs/analyzers.md#{id.ToLowerInvariant()}", helpLink);

        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "analyzers.md"));
        Assert.Matches(new Regex($"<a id=\"{id.ToLowerInvariant()}\"></a>{id} \\|"), page);
    }

    private static List<(string Name, Version Version)> AssemblyReferences(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToList();
    }

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ScopeGen.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("ScopeGen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
