using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ScopeGen.Package.Tests;

/// <summary>
/// What makes the package a good neighbour: every assembly it loads into the compiler has an identity
/// of ScopeGen's own, needs no Roslyn above the 4.8 floor, its links come from the one repository URL,
/// and the manifest schema reaches editors without reaching the build or publish output.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageIsolationTests
{
    private static readonly Version RoslynFloor = new(4, 8, 0, 0);

    private readonly PackageFixture fixture;

    public PackageIsolationTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Every_compiler_assembly_has_an_identity_of_ScopeGens_own()
    {
        var assemblies = AnalyzerAssemblies();
        Assert.Contains("ScopeGen.YamlDotNet", assemblies.Keys);
        foreach (var (file, identity) in assemblies)
        {
            // The file name is the identity the SDK dedupes analyzers by; both are ScopeGen's.
            Assert.Equal(file, identity.Name);
            Assert.StartsWith("ScopeGen.", identity.Name, StringComparison.Ordinal);
            foreach (var reference in identity.References)
            {
                Assert.True(
                    assemblies.ContainsKey(reference.Name) || IsHostAssembly(reference.Name),
                    $"{file} references {reference.Name}, which is neither in the package nor in every compiler host");
            }
        }

        // The renamed YamlDotNet is not strong-named, and the manifest library binds to it by name alone.
        var yaml = assemblies["ScopeGen.YamlDotNet"];
        Assert.False(yaml.HasPublicKey);
        Assert.Contains(yaml.References, reference => reference.Name == "netstandard");
        var manifestReference = Assert.Single(assemblies["ScopeGen.Manifest"].References, reference => reference.Name.Contains("YamlDotNet", StringComparison.Ordinal));
        Assert.Equal(new AssemblyIdentity.Reference("ScopeGen.YamlDotNet", yaml.Version, HasPublicKeyToken: false), manifestReference);
    }

    [Fact]
    public void Compiler_assemblies_need_no_Roslyn_above_4_8()
    {
        var assemblies = AnalyzerAssemblies();
        var roslyn = assemblies.Values
            .SelectMany(identity => identity.References.Select(reference => (identity.Name, Reference: reference)))
            .Where(pair => pair.Reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(roslyn, pair => pair is { Name: "ScopeGen.Analyzers.CodeFixes", Reference.Name: "Microsoft.CodeAnalysis.Workspaces" });
        Assert.All(roslyn, pair => Assert.True(pair.Reference.Version <= RoslynFloor, $"{pair.Name} references {pair.Reference.Name} {pair.Reference.Version}"));
    }

    [Fact]
    public void Project_url_repository_url_and_help_links_come_from_the_one_repository_url()
    {
        var repositoryUrl = XDocument.Load(Path.Combine(fixture.RepoRoot, "Directory.Build.props")).Descendants("ScopeGenRepositoryUrl").Single().Value.Trim();
        Assert.StartsWith("https://", repositoryUrl, StringComparison.Ordinal);

        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        using var nuspecReader = new StreamReader(zip.GetEntry("ScopeGen.nuspec")!.Open());
        var metadata = XDocument.Parse(nuspecReader.ReadToEnd()).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        Assert.Equal(repositoryUrl, metadata.Elements().Single(element => element.Name.LocalName == "projectUrl").Value.Trim());
        Assert.Equal(repositoryUrl, metadata.Elements().Single(element => element.Name.LocalName == "repository").Attribute("url")?.Value);

        // Read by RuleDocumentation: the link is this page plus the rule's anchor (e.g. #scope001).
        var assemblies = AnalyzerAssemblies();
        foreach (var name in new[] { "ScopeGen.Generator", "ScopeGen.Analyzers" })
        {
            Assert.Equal(repositoryUrl + "/blob/main/docs/analyzers.md", assemblies[name].Metadata["ScopeGenRulesDocumentation"]);
        }
    }

    [Fact]
    public void Schema_ships_in_the_package_and_is_copied_to_obj_never_to_bin_or_publish()
    {
        var schema = File.ReadAllText(Path.Combine(fixture.RepoRoot, "manifest", "scopes.schema.json"));
        using (var zip = ZipFile.OpenRead(fixture.PackagePath))
        {
            var entry = zip.GetEntry("build/scopes.schema.json");
            Assert.True(entry is not null, "build/scopes.schema.json is not in the package");
            using var reader = new StreamReader(entry.Open());
            Assert.Equal(schema, reader.ReadToEnd());
        }

        var build = fixture.WebBuild;
        Assert.True(build.ExitCode == 0, build.ToString());

        // Where docs/packaging.md says, and where the manifest's yaml-language-server line points.
        var copy = Path.Combine(fixture.WebDirectory, "obj", "scopegen", "scopes.schema.json");
        Assert.Equal(schema, File.ReadAllText(copy));
        var manifest = Path.Combine(fixture.WebDirectory, "Manifests", "shop.scopes.yaml");
        var schemaLine = Regex.Match(File.ReadLines(manifest).First(), @"^# yaml-language-server: \$schema=(?<path>\S+)$");
        Assert.True(schemaLine.Success, "The manifest's first line names no schema");
        Assert.Equal(copy, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifest)!, schemaLine.Groups["path"].Value)));

        var publishDirectory = Path.Combine(fixture.Root, "Web-publish");
        var publish = DotnetCli.Run(
            fixture.WebDirectory,
            ["publish", "-c", "Debug", "--no-build", "-o", publishDirectory, "-nodeReuse:false", "-tl:off"],
            TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = fixture.PackagesFolder });
        Assert.True(publish.ExitCode == 0, publish.ToString());
        var published = Directory.GetFiles(publishDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(published, file => Path.GetFileName(file) == "Shop.Api.dll");
        var built = Directory.GetFiles(Path.Combine(fixture.WebDirectory, "bin"), "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(published.Concat(built), file => Path.GetFileName(file).Contains("schema", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The package's analyzers/dotnet/cs/ assemblies by file name without extension.</summary>
    private Dictionary<string, AssemblyIdentity> AnalyzerAssemblies()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var result = new Dictionary<string, AssemblyIdentity>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(entry => entry.FullName.StartsWith("analyzers/", StringComparison.Ordinal)))
        {
            Assert.StartsWith("analyzers/dotnet/cs/", entry.FullName, StringComparison.Ordinal);
            Assert.EndsWith(".dll", entry.Name, StringComparison.Ordinal);
            using var stream = entry.Open();
            result.Add(Path.GetFileNameWithoutExtension(entry.Name), AssemblyIdentity.Read(stream));
        }

        return result;
    }

    /// <summary>Assemblies every compiler host provides: the netstandard facade and framework, and Roslyn.</summary>
    private static bool IsHostAssembly(string name) =>
        name is "netstandard" or "mscorlib"
        || name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);
}
