using ScopeGen.Testing;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml.Linq;

namespace ScopeGen.Package.Tests;

/// <summary>
/// The <c>scopegen</c> tool as users get it: packed from tools/ScopeGen.Cli into a local feed, installed
/// with <c>dotnet tool install --tool-path</c> from that feed alone, and run.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ToolPackageTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);

    private readonly PackageFixture fixture;

    public ToolPackageTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Cli_package_carries_its_readme_and_installs_and_runs_from_a_local_feed()
    {
        var feed = Path.Combine(fixture.Root, "tool-feed");
        var pack = DotnetCli.Run(
            fixture.RepoRoot,
            ["pack", Path.Combine(fixture.RepoRoot, "tools", "ScopeGen.Cli", "ScopeGen.Cli.csproj"), "-c", "Release", "-o", feed, "-nodeReuse:false", "-tl:off"],
            CommandTimeout);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Assert.Single(Directory.GetFiles(feed, "ScopeGen.Cli.*.nupkg"));

        using (var zip = ZipFile.OpenRead(package))
        {
            using var nuspecReader = new StreamReader(zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = XDocument.Parse(nuspecReader.ReadToEnd()).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
            Assert.Equal("README.md", metadata.Elements().Single(element => element.Name.LocalName == "readme").Value.Trim());
            using var readmeReader = new StreamReader(zip.GetEntry("README.md")!.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(fixture.RepoRoot, "tools", "ScopeGen.Cli", "README.md")), readmeReader.ReadToEnd());
            Assert.Contains(zip.Entries, entry => entry.FullName.StartsWith("tools/", StringComparison.Ordinal) && entry.Name == "ScopeGen.Cli.dll");
        }

        // Outside the fixture's workspace: a nuget.config that knows only the tool's feed.
        var installRoot = Path.Combine(fixture.Root, "..", Path.GetFileName(fixture.Root) + "-tool");
        Directory.CreateDirectory(installRoot);
        try
        {
            File.WriteAllText(Path.Combine(installRoot, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="tool-feed" value="{SecurityElement.Escape(feed)}" />
                  </packageSources>
                </configuration>
                """, new UTF8Encoding(false));
            var toolPath = Path.Combine(installRoot, "tools");
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(installRoot, "packages") };
            var install = DotnetCli.Run(installRoot, ["tool", "install", "ScopeGen.Cli", "--tool-path", toolPath, "--version", fixture.RepositoryVersion()], CommandTimeout, environment);
            Assert.True(install.ExitCode == 0, install.ToString());

            var schemaFile = Path.Combine(installRoot, "scopes.schema.json");
            var scopegen = new System.Diagnostics.ProcessStartInfo(Path.Combine(toolPath, OperatingSystem.IsWindows() ? "scopegen.exe" : "scopegen"))
            {
                ArgumentList = { "schema", "-o", schemaFile },
                // Only stderr is redirected (and read to its end before the wait): -o writes the schema to a file.
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // The shim finds the runtime through DOTNET_ROOT: the one running these tests.
            if (Path.IsPathRooted(ProcessRunner.DotnetExecutable))
            {
                scopegen.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(ProcessRunner.DotnetExecutable);
            }

            using var process = System.Diagnostics.Process.Start(scopegen)!;
            var error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "scopegen schema did not finish");
            Assert.True(process.ExitCode == 0, $"scopegen schema exited {process.ExitCode}:\n{error}");
            Assert.Equal(File.ReadAllText(Path.Combine(fixture.RepoRoot, "manifest", "scopes.schema.json")), File.ReadAllText(schemaFile));
        }
        finally
        {
            if (System.Environment.GetEnvironmentVariable("SCOPEGEN_KEEP_PACKAGE_TEST") != "1")
            {
                Directory.Delete(installRoot, recursive: true);
            }
        }
    }
}
