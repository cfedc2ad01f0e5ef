using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ScopeGen.Package.Tests;

/// <summary>The test classes that share one <see cref="PackageFixture"/> (one pack per test run).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}

/// <summary>
/// Packs ScopeGen once into a temporary feed and prepares a workspace outside the repository (so the
/// repository's Directory.Build.props does not apply) with its own nuget.config: ScopeGen comes only
/// from that feed (package source mapping), every other package from the user's sources or the shared
/// package folder read as a local source, and everything is restored into an isolated package folder,
/// so a stale ScopeGen can never be picked up. Consumer builds run lazily, once each.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    // Guards against a hang, not timing assertions: generous, as a loaded 2-core CI machine is slow.
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly Lazy<CommandResult> webBuild;
    private readonly Lazy<CommandResult> webRun;
    private readonly Lazy<(CommandResult AddPackage, CommandResult Build)> libraryBuild;
    private readonly Lazy<CommandResult> brokenBuild;

    public PackageFixture()
    {
        RepoRoot = FindRepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "scopegen-package-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);

        // Read the user's sources before this workspace has a nuget.config of its own.
        var upstreamSources = UserPackageSources(Root);
        var sharedPackages = SharedPackagesFolder(Root);

        Pack = DotnetCli.Run(
            RepoRoot,
            ["pack", Path.Combine(RepoRoot, "generator", "ScopeGen.Package", "ScopeGen.Package.csproj"), "-c", "Release", "-o", Feed, "-nodeReuse:false", "-tl:off"],
            PackTimeout);
        Assert.True(Pack.ExitCode == 0, "dotnet pack failed:\n" + Pack);
        var packages = Directory.GetFiles(Feed, "*.nupkg");
        Assert.True(packages.Length == 1, "Expected one package in the feed:\n" + string.Join("\n", packages));
        PackagePath = packages[0];
        var match = Regex.Match(Path.GetFileName(PackagePath), @"^ScopeGen\.(?<version>\d.*)\.nupkg$");
        Assert.True(match.Success, "Unexpected package name " + PackagePath);
        Version = match.Groups["version"].Value;

        WriteWorkspace(upstreamSources, sharedPackages);

        webBuild = new(() => Build(WebDirectory));
        webRun = new(() => DotnetCli.Run(WebDirectory, ["run", "--no-build"], RunTimeout, ConsumerEnvironment));
        libraryBuild = new(() => AddPackageAndBuild(LibraryDirectory));
        brokenBuild = new(() => Build(BrokenDirectory));
    }

    public string RepoRoot { get; }

    /// <summary>The temporary workspace: feed, isolated package folder and consumers.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public CommandResult Pack { get; }

    public string PackagePath { get; }

    /// <summary>The packed version (from the repository's Directory.Build.props).</summary>
    public string Version { get; }

    public string WebDirectory => Path.Combine(Root, "Web");

    public string LibraryDirectory => Path.Combine(Root, "Library");

    public string BrokenDirectory => Path.Combine(Root, "Broken");

    /// <summary>The ASP.NET Core consumer's build (restore included).</summary>
    public CommandResult WebBuild => webBuild.Value;

    /// <summary><c>dotnet run</c> of the ASP.NET Core consumer, after its build succeeded.</summary>
    public CommandResult WebRun
    {
        get
        {
            Assert.True(WebBuild.ExitCode == 0, "The web consumer did not build:\n" + WebBuild);
            return webRun.Value;
        }
    }

    /// <summary>The netstandard2.0 library consumer: <c>dotnet add package ScopeGen</c>, then its build.</summary>
    public (CommandResult AddPackage, CommandResult Build) LibraryBuild => libraryBuild.Value;

    /// <summary>The build of the consumer whose manifest has a mistake.</summary>
    public CommandResult BrokenBuild => brokenBuild.Value;

    private IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SCOPEGEN_KEEP_PACKAGE_TEST") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The repository's Version property (Directory.Build.props).</summary>
    public string RepositoryVersion() =>
        XDocument.Load(Path.Combine(RepoRoot, "Directory.Build.props")).Descendants("Version").First().Value.Trim();

    private CommandResult Build(string directory) =>
        // The classic console logger (-tl:off) prints each diagnostic as a plain line: see BuildDiagnostic.
        DotnetCli.Run(directory, ["build", "-nodeReuse:false", "-tl:off"], BuildTimeout, ConsumerEnvironment);

    private (CommandResult AddPackage, CommandResult Build) AddPackageAndBuild(string directory)
    {
        var add = DotnetCli.Run(directory, ["add", "package", "ScopeGen", "--version", Version], BuildTimeout, ConsumerEnvironment);
        Assert.True(add.ExitCode == 0, "dotnet add package failed:\n" + add);
        return (add, Build(directory));
    }

    private void WriteWorkspace(IReadOnlyList<string> upstreamSources, string? sharedPackages)
    {
        var templates = Path.Combine(AppContext.BaseDirectory, "Consumers");
        foreach (var file in Directory.GetFiles(templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // Stops MSBuild's upward search for Directory.Build.* (nothing from /tmp or above applies).
        WriteText("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <ScopeGenVersion>{Version}</ScopeGenVersion>
              </PropertyGroup>
            </Project>
            """);
        WriteText("Directory.Build.targets", "<Project />\n");

        var sources = new StringBuilder();
        var mapping = new StringBuilder();
        AddSource("scopegen-feed", Feed, "ScopeGen");
        if (sharedPackages is not null && Directory.Exists(sharedPackages))
        {
            AddSource("shared-packages", sharedPackages, "*");
        }

        for (var i = 0; i < upstreamSources.Count; i++)
        {
            AddSource("upstream-" + i, upstreamSources[i], "*");
        }

        WriteText("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(PackagesFolder)}" />
              </config>
              <packageSources>
                <clear />
            {sources}  </packageSources>
              <packageSourceMapping>
                <clear />
            {mapping}  </packageSourceMapping>
            </configuration>
            """);

        void AddSource(string key, string value, string pattern)
        {
            sources.Append($"    <add key=\"{key}\" value=\"{SecurityElement.Escape(value)}\" />\n");
            mapping.Append($"    <packageSource key=\"{key}\"><package pattern=\"{pattern}\" /></packageSource>\n");
        }
    }

    private void WriteText(string relativePath, string text) =>
        File.WriteAllText(Path.Combine(Root, relativePath), text.Replace("\r\n", "\n"), new UTF8Encoding(false));

    /// <summary>The enabled sources of the user's NuGet configuration (no host names are kept in the repository).</summary>
    private static IReadOnlyList<string> UserPackageSources(string directory)
    {
        var result = DotnetCli.Run(directory, ["nuget", "list", "source", "--format", "Short"], TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, "dotnet nuget list source failed:\n" + result);
        return result.Lines
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .Where(source => source.Length > 0)
            .ToList();
    }

    /// <summary>The machine's shared package folder: read as a local source, it spares downloads.</summary>
    private static string? SharedPackagesFolder(string directory)
    {
        var result = DotnetCli.Run(directory, ["nuget", "locals", "global-packages", "--list"], TimeSpan.FromMinutes(1));
        const string Prefix = "global-packages:";
        return result.Lines
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(line => line[Prefix.Length..].Trim())
            .FirstOrDefault(path => path.Length > 0);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScopeGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ScopeGen.sln not found above " + AppContext.BaseDirectory);
    }
}
