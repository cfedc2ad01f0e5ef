using System.IO.Compression;
using System.Xml.Linq;

namespace ScopeGen.Package.Tests;

/// <summary>
/// The NuGet package as users meet it: packed from the repository, restored by version from a local
/// feed into fresh projects outside the repository, built and run with the real dotnet CLI.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    // The compiler synthesizes this (with IsReadOnlyAttribute) for the generated readonly ScopeSet struct on
    // netstandard2.0, which lacks the attribute: it is the compiler's, not a ScopeGen or ASP.NET Core type.
    private const string CompilerEmbeddedAttribute = "Microsoft.CodeAnalysis.EmbeddedAttribute";

    private static readonly string[] AnalyzerAssemblies =
    [
        "ScopeGen.Analyzers.CodeFixes.dll",
        "ScopeGen.Analyzers.dll",
        "ScopeGen.Generator.dll",
        "ScopeGen.Manifest.dll",
        // YamlDotNet under an identity of ScopeGen's own (see PackageIsolationTests).
        "ScopeGen.YamlDotNet.dll",
    ];

    private readonly PackageFixture fixture;

    public PackageTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Package_holds_the_compiler_assemblies_and_the_props_and_no_runtime_assembly()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var entries = zip.Entries.Select(entry => entry.FullName).ToList();

        var analyzers = entries.Where(name => name.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(AnalyzerAssemblies.Select(name => "analyzers/dotnet/cs/" + name).Order(StringComparer.Ordinal), analyzers);
        Assert.DoesNotContain(entries, name => name.StartsWith("lib/", StringComparison.Ordinal) || name.StartsWith("ref/", StringComparison.Ordinal) || name.StartsWith("runtimes/", StringComparison.Ordinal));
        Assert.Contains("README.md", entries);

        // build/ is the very file the ProjectReference route imports; buildTransitive/ imports it.
        var buildProps = ReadEntry(zip, "build/ScopeGen.props");
        Assert.Equal(File.ReadAllText(Path.Combine(fixture.RepoRoot, "generator", "ScopeGen.Generator", "build", "ScopeGen.props")), buildProps);
        Assert.Contains("""<Import Project="$(MSBuildThisFileDirectory)..\build\ScopeGen.props" />""", ReadEntry(zip, "buildTransitive/ScopeGen.props"));

        // Every assembly loads in any compiler host: netstandard2.0, YamlDotNet included.
        foreach (var name in AnalyzerAssemblies)
        {
            using var stream = zip.GetEntry("analyzers/dotnet/cs/" + name)!.Open();
            Assert.Equal(".NETStandard,Version=v2.0", AssemblyInspector.Read(stream).TargetFramework);
        }
    }

    [Fact]
    public void Package_metadata_is_complete_and_the_version_comes_from_the_repository()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var nuspec = XDocument.Parse(ReadEntry(zip, "ScopeGen.nuspec"));
        var metadata = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value.Trim() ?? "";

        Assert.Equal("ScopeGen", Value("id"));
        Assert.Equal(fixture.RepositoryVersion(), Value("version"));
        Assert.Equal(fixture.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        var license = metadata.Elements().Single(element => element.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value.Trim());
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("ASP.NET Core", Value("description"), StringComparison.Ordinal);
        Assert.Contains("source-generator", Value("tags").Split(' '));
        Assert.StartsWith("https://", Value("projectUrl"), StringComparison.Ordinal);
        Assert.NotEqual("", Value("releaseNotes"));
        Assert.NotEqual("", Value("authors"));
        // No dependency of any kind: the analyzers carry YamlDotNet themselves.
        Assert.DoesNotContain(metadata.Elements(), element => element.Name.LocalName == "dependencies" && element.HasElements);
    }

    [Fact]
    public void Web_consumer_runs_and_prints_correct_constants()
    {
        var run = fixture.WebRun;
        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = run.Lines.Where(line => line.Contains('=', StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                "create=order:create",
                "upsert=dataTableRow:upsert",
                "all=order:read,order:list,order:create,dataTableRow:upsert",
                "readOnly=order:read,order:list",
                "defined=True,False",
                // In the project's RootNamespace (the manifest names none), internal by default.
                "attribute=Shop.Api.RequireScopeAttribute,public=False",
                "endpoints=/health:open /orders:scoped /rows/{id}:scoped /unprotected:open orders/{id}:scoped orders:scoped",
            ],
            printed);
    }

    [Fact]
    public void Web_consumer_gets_exactly_one_SCOPE001_at_the_unprotected_endpoint()
    {
        var build = fixture.WebBuild;
        Assert.True(build.ExitCode == 0, build.ToString());

        var program = Path.Combine(fixture.WebDirectory, "Program.cs");
        var line = Array.FindIndex(File.ReadAllLines(program), text => text.Contains("\"/unprotected\"", StringComparison.Ordinal)) + 1;
        Assert.True(line > 0);

        // Nothing else is reported: the covered endpoints and the manifest are clean.
        var diagnostic = Assert.Single(BuildDiagnostic.Parse(build, "SCOPE"));
        Assert.Equal("SCOPE001", diagnostic.Id);
        Assert.Equal("warning", diagnostic.Severity);
        Assert.Equal(Path.GetFullPath(program), Path.GetFullPath(diagnostic.File));
        Assert.Equal(line, diagnostic.Line);
        Assert.Contains("/unprotected", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_consumer_output_ships_nothing_of_ScopeGen()
    {
        var build = fixture.WebBuild;
        Assert.True(build.ExitCode == 0, build.ToString());

        var output = Path.Combine(fixture.WebDirectory, "bin");
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        Assert.Contains(files, file => Path.GetFileName(file) == "Shop.Api.dll");
        Assert.DoesNotContain(files, file => IsScopeGenFile(Path.GetFileName(file)));
        var deps = File.ReadAllText(Directory.GetFiles(output, "Shop.Api.deps.json", SearchOption.AllDirectories).Single());
        Assert.DoesNotContain("ScopeGen", deps, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("YamlDotNet", deps, StringComparison.OrdinalIgnoreCase);

        // The generator did run: constants, the ASP.NET Core support (the manifest's policies and one file
        // per runtime type) and the attribute.
        var generated = GeneratedFiles(fixture.WebDirectory).ToList();
        Assert.Equal(
            ["RequireScopeAttribute-Shop.Api.g.cs", "ScopeGen-AspNetCore-Discovery.g.cs", "ScopeGen-AspNetCore.g.cs", "shop.scopes.g.cs"],
            generated.Where(name => !name.StartsWith("ScopeGen-AspNetCore.", StringComparison.Ordinal) || name == "ScopeGen-AspNetCore.g.cs"));
        Assert.Contains("ScopeGen-AspNetCore.ScopeRequirement.g.cs", generated);
    }

    [Fact]
    public void Netstandard_library_consumer_builds_warning_free_with_constants_only()
    {
        var (_, build) = fixture.LibraryBuild;
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildDiagnostic.Parse(build, ""));

        Assert.Equal(["contracts.scopes.g.cs"], GeneratedFiles(fixture.LibraryDirectory));
        var dll = Directory.GetFiles(Path.Combine(fixture.LibraryDirectory, "bin"), "Shop.Contracts.dll", SearchOption.AllDirectories).Single();
        var assembly = AssemblyInspector.Read(dll);
        Assert.Equal(".NETStandard,Version=v2.0", assembly.TargetFramework);
        Assert.Equal("invoice:read", assembly.StringConstants["Shop.Contracts.Scopes+Invoice.Read"]);
        Assert.Equal("invoice:void", assembly.StringConstants["Shop.Contracts.Scopes+Invoice.Void"]);
        Assert.Equal("invoice:void", assembly.StringConstants["Shop.Contracts.KnownScopes.VoidInvoice"]);
        Assert.DoesNotContain(assembly.TypeNames, name => name.Contains("RequireScope", StringComparison.Ordinal) || name.StartsWith("ScopeGen.", StringComparison.Ordinal) || (name.StartsWith("Microsoft.", StringComparison.Ordinal) && name != CompilerEmbeddedAttribute));

        var files = Directory.GetFiles(Path.Combine(fixture.LibraryDirectory, "bin"), "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, file => IsScopeGenFile(Path.GetFileName(file)));
    }

    [Fact]
    public void Dotnet_add_package_makes_the_development_dependency_private()
    {
        Assert.Equal(0, fixture.LibraryBuild.AddPackage.ExitCode);
        var project = XDocument.Load(Path.Combine(fixture.LibraryDirectory, "Shop.Contracts.csproj"));
        var reference = Assert.Single(project.Descendants("PackageReference"));
        Assert.Equal("ScopeGen", reference.Attribute("Include")?.Value);
        Assert.Equal(fixture.Version, reference.Attribute("Version")?.Value);
        // developmentDependency: the CLI writes PrivateAssets=all, so a package built from the library does not depend on ScopeGen.
        Assert.Equal("all", reference.Element("PrivateAssets")?.Value);
    }

    [Fact]
    public void Manifest_mistake_fails_the_build_at_the_yaml_line_and_column()
    {
        var build = fixture.BrokenBuild;
        Assert.NotEqual(0, build.ExitCode);

        // broken.scopes.yaml line 5: "    descripton: Orders" - the key starts at column 5.
        var diagnostic = Assert.Single(BuildDiagnostic.Parse(build, "SCOPE1"));
        Assert.Equal("SCOPE101", diagnostic.Id);
        Assert.Equal("error", diagnostic.Severity);
        Assert.Equal(Path.Combine(fixture.BrokenDirectory, "broken.scopes.yaml"), Path.GetFullPath(diagnostic.File));
        Assert.Equal((5, 5), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("'descripton'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'description'", diagnostic.Message, StringComparison.Ordinal);
    }

    private static bool IsScopeGenFile(string name) =>
        name.StartsWith("ScopeGen", StringComparison.OrdinalIgnoreCase) || name.StartsWith("YamlDotNet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file names the generator wrote (EmitCompilerGeneratedFiles is on in the consumers).</summary>
    private static IReadOnlyList<string> GeneratedFiles(string project)
    {
        var generated = Directory.GetDirectories(Path.Combine(project, "obj"), "ScopeGen.Generator", SearchOption.AllDirectories);
        Assert.True(generated.Length == 1, "Expected one generated/ScopeGen.Generator folder, found:\n" + string.Join("\n", generated));
        return Directory.GetFiles(generated[0], "*.cs", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList()!;
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, name + " is not in the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
