using System.Security;
using System.Text;

namespace ScopeGen.Package.Tests;

/// <summary>
/// ScopeGen installed next to other analyzer packages that ship their own YamlDotNet.dll. The SDK hands
/// the compiler one analyzer file per name, so a package whose private dependency keeps its public
/// identity breaks the other package's analyzers (AD0001, TypeLoadException) or its own.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class InteropTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly PackageFixture fixture;

    public InteropTests(PackageFixture fixture) => this.fixture = fixture;

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = fixture.PackagesFolder,
    };

    [Fact]
    public void SecurityCodeScan_and_ScopeGen_both_report_and_neither_crashes()
    {
        var project = Path.Combine(fixture.Root, "Scanned");
        var build = DotnetCli.Run(project, ["build", "-nodeReuse:false", "-tl:off"], CommandTimeout, Environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoAnalyzerFailure(build);

        var controller = Path.Combine(project, "ReportsController.cs");
        var actionLine = LineOf(controller, "public IActionResult List()");
        var scope = Assert.Single(BuildDiagnostic.Parse(build, "SCOPE"));
        Assert.Equal(("SCOPE001", controller, actionLine), (scope.Id, Path.GetFullPath(scope.File), scope.Line));
        var scan = Assert.Single(BuildDiagnostic.Parse(build, "SCS"));
        Assert.Equal(("SCS0012", controller, actionLine), (scan.Id, Path.GetFullPath(scan.File), scan.Line));
    }

    [Fact]
    public void Another_package_with_its_own_YamlDotNet_and_ScopeGen_both_report_and_neither_crashes()
    {
        var otherFeed = Path.Combine(fixture.Root, "other-feed");
        var pack = DotnetCli.Run(
            Path.Combine(fixture.Root, "OtherYaml", "Analyzer"),
            ["pack", "-c", "Release", "-o", otherFeed, "-nodeReuse:false", "-tl:off"],
            CommandTimeout,
            Environment);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        // Nearer nuget.config files add to the workspace's: OtherYaml.Analyzers comes from its own feed.
        var project = Path.Combine(fixture.Root, "OtherYaml", "Web");
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="other-feed" value="{SecurityElement.Escape(otherFeed)}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="other-feed"><package pattern="OtherYaml.Analyzers" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """, new UTF8Encoding(false));

        var build = DotnetCli.Run(project, ["build", "-nodeReuse:false", "-tl:off"], CommandTimeout, Environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoAnalyzerFailure(build);

        var program = Path.Combine(project, "Program.cs");
        var scope = Assert.Single(BuildDiagnostic.Parse(build, "SCOPE"));
        Assert.Equal(("SCOPE001", program, LineOf(program, "\"/open\"")), (scope.Id, Path.GetFullPath(scope.File), scope.Line));
        // Keys and values upper-cased by the package's own INodeDeserializer: its YamlDotNet 13.7.1 did the reading.
        var other = Assert.Single(BuildDiagnostic.Parse(build, "OTHER"));
        Assert.Equal("OTHER001", other.Id);
        Assert.Equal("Settings: REGION=EU-WEST,TIER=GOLD", other.Message);
    }

    /// <summary>No analyzer or generator threw (AD0001; CS8784/CS8785 for a generator).</summary>
    private static void AssertNoAnalyzerFailure(CommandResult build)
    {
        var failures = build.Lines.Where(line => line.Contains("AD0001", StringComparison.Ordinal)
            || line.Contains("CS8784", StringComparison.Ordinal)
            || line.Contains("CS8785", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0, "Analyzer failures:\n" + string.Join("\n", failures.Take(5)));
    }

    private static int LineOf(string file, string text)
    {
        var line = Array.FindIndex(File.ReadAllLines(file), candidate => candidate.Contains(text, StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, $"'{text}' not found in {file}");
        return line;
    }
}
