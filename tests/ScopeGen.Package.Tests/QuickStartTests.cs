using System.Net;
using System.Threading.Tasks;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScopeGen.Testing;

namespace ScopeGen.Package.Tests;

/// <summary>
/// The README's quick start, run as written: its commands and files are the fenced blocks marked
/// <c>&lt;!-- quickstart: … --&gt;</c>. A new app from <c>dotnet new webapi</c>, ScopeGen from the packed
/// folder through the README's own nuget.config (outside this repository, with the user's NuGet sources
/// and an empty package cache), a token from <c>dotnet user-jwts</c>, the app on Kestrel, and the README's
/// curl lines sent to it. If the page rots, this fails.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class QuickStartTests
{
    /// <summary>Where the README's nuget.config says the packages are; replaced by the fixture's feed.</summary>
    private const string DocumentedPackageFolder = "/home/you/scopegen-packages";

    /// <summary>Where the README runs the app; the test listens on a free loopback port instead.</summary>
    private const string DocumentedUrl = "http://localhost:5000";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(15);

    private static readonly Regex CurlLine = new(
        @"^curl\s.*?(?<url>" + Regex.Escape(DocumentedUrl) + @"(?<path>/\S*))\s+#\s*(?<status>\d{3})\b",
        RegexOptions.CultureInvariant);

    private readonly PackageFixture fixture;

    public QuickStartTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task The_README_quick_start_builds_warns_on_a_forgotten_check_and_answers_200_403_401_to_a_user_jwts_token()
    {
        var blocks = MarkedBlocks.Read(Path.Combine(fixture.RepoRoot, "README.md"), "quickstart");
        using var workspace = new QuickStartWorkspace();
        var environment = new Dictionary<string, string>
        {
            // An empty package cache: ScopeGen can only come from the folder the README's nuget.config names.
            ["NUGET_PACKAGES"] = Path.Combine(workspace.Root, "packages"),
        };

        // 1. Pack (done once by the fixture, from the same project) and `dotnet new webapi`.
        var directory = workspace.Root;
        foreach (var command in ShellCommands(blocks["commands"]))
        {
            if (command[0] == "cd")
            {
                directory = Path.Combine(directory, command[1]);
            }
            else if (command is ["dotnet", "pack", var packedProject, ..])
            {
                Assert.Equal("generator/ScopeGen.Package", packedProject);
                Assert.Equal(Path.GetFileName(DocumentedPackageFolder), Path.GetFileName(command[command.IndexOf("-o") + 1]));
            }
            else
            {
                Run(directory, command, environment);
            }
        }

        var app = directory;
        Assert.True(File.Exists(Path.Combine(app, "Acme.Api.csproj")), "dotnet new webapi made no Acme.Api.csproj in " + app);

        // 2. The README's nuget.config, pointing at the packed folder.
        Assert.Contains(DocumentedPackageFolder, blocks["nuget.config"]);
        Write(app, "nuget.config", blocks["nuget.config"].Replace(DocumentedPackageFolder, fixture.Feed));

        // 3. dotnet add package ScopeGen, and JWT bearer.
        foreach (var command in ShellCommands(blocks["packages"]))
        {
            Run(app, command, environment);
        }

        var project = File.ReadAllText(Path.Combine(app, "Acme.Api.csproj"));
        Assert.Contains("Include=\"ScopeGen\" Version=\"" + fixture.Version + "\"", project);

        // 4-6. The manifest, Program.cs, the controller.
        foreach (var file in new[] { "api.scopes.yaml", "Program.cs", "WorkflowsController.cs" })
        {
            Write(app, file, blocks[file]);
        }

        // 8. A forgotten check: the documented warning, at the documented place, and the build still succeeds.
        var program = blocks["Program.cs"];
        Assert.Contains("app.Run();\n", program);
        Write(app, "Program.cs", program.Replace("app.Run();\n", blocks["forgotten endpoint"] + "app.Run();\n"));
        var warned = Run(app, ["dotnet", "build", "-nodeReuse:false", "-tl:off"], environment);
        var warning = blocks["warning"].Trim();
        var scopeDiagnostics = BuildDiagnostic.Parse(warned, "SCOPE");
        Assert.True(scopeDiagnostics.Count == 1, "Expected one ScopeGen diagnostic:\n" + warned);
        Assert.Equal(warning, Path.GetFileName(scopeDiagnostics[0].File) + $"({scopeDiagnostics[0].Line},{scopeDiagnostics[0].Column}): {scopeDiagnostics[0].Severity} {scopeDiagnostics[0].Id}: {scopeDiagnostics[0].Message}");

        // 7. As documented: the token first (it adds UserSecretsId), then a clean build and the app.
        Write(app, "Program.cs", program);
        var tokenCommand = Regex.Match(blocks["token"], @"^TOKEN=\$\((?<command>.+)\)\s*$", RegexOptions.Multiline);
        Assert.True(tokenCommand.Success, "The token block is not TOKEN=$(...):\n" + blocks["token"]);
        var tokenRun = Run(app, Tokenize(tokenCommand.Groups["command"].Value), environment);
        var token = tokenRun.StdOut.Trim();
        Assert.Matches(@"^[\w-]+\.[\w-]+\.[\w-]+$", token);
        workspace.UserSecretsId = XDocument.Load(Path.Combine(app, "Acme.Api.csproj")).Descendants("UserSecretsId").Single().Value;

        var clean = Run(app, ["dotnet", "build", "-nodeReuse:false", "-tl:off"], environment);
        Assert.True(BuildDiagnostic.Parse(clean, "SCOPE").Count == 0 && BuildDiagnostic.Parse(clean, "CS").Count == 0, "The quick start's files do not build clean:\n" + clean);

        var runCommand = ShellCommands(blocks["run"]).Single();
        Assert.Equal(new[] { "dotnet", "run", "--urls", DocumentedUrl }, runCommand);
        // The built app, on a free loopback port; the launch profile still applies (Development: user secrets).
        using var server = ProcessRunner.StartDotnet(app, ["run", "--no-build", "--urls", "http://127.0.0.1:0"], environment);
        var address = server.WaitForLine(new Regex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)"), TimeSpan.FromMinutes(2)).Groups["url"].Value;

        // The README's curl lines, each with the status it promises.
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(1) };
        var requests = blocks["requests"].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var statuses = new List<int>();
        foreach (var line in requests)
        {
            var curl = CurlLine.Match(line);
            Assert.True(curl.Success, "Not a curl line with an expected status: " + line);
            var method = Regex.Match(line, @"\s-X\s+(?<method>[A-Z]+)\s") is { Success: true } explicitMethod ? explicitMethod.Groups["method"].Value : "GET";
            using var request = new HttpRequestMessage(new HttpMethod(method), curl.Groups["path"].Value);
            if (line.Contains("-H \"Authorization: Bearer $TOKEN\"", StringComparison.Ordinal))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request);
            var expected = int.Parse(curl.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True((int)response.StatusCode == expected, $"{line}\n→ {(int)response.StatusCode} {response.StatusCode}, WWW-Authenticate: {response.Headers.WwwAuthenticate}\n{server.Snapshot()}");
            statuses.Add(expected);
        }

        Assert.Equal(new[] { 200, 403, 401 }, statuses);
    }

    private static CommandResult Run(string directory, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        Assert.Equal("dotnet", command[0]);
        var result = ProcessRunner.RunDotnet(directory, command.Skip(1).ToList(), CommandTimeout, environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static void Write(string directory, string name, string text) =>
        File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));

    /// <summary>The commands of a shell block: one a line, comments and blank lines skipped.</summary>
    private static List<List<string>> ShellCommands(string block) =>
        block.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Tokenize)
            .ToList();

    /// <summary>Words split on spaces, double quotes removed: enough for the README's own commands.</summary>
    private static List<string> Tokenize(string line) =>
        Regex.Matches(line, "\"(?<word>[^\"]*)\"|(?<word>[^\\s\"]+)").Select(match => match.Groups["word"].Value).ToList();

    /// <summary>A folder outside the repository; on dispose, it and the user secrets that user-jwts wrote are deleted.</summary>
    private sealed class QuickStartWorkspace : IDisposable
    {
        public QuickStartWorkspace()
        {
            Root = Path.Combine(Path.GetTempPath(), "scopegen-quickstart-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
            // Stops MSBuild's upward search for Directory.Build.* (nothing from the temp folder or above applies).
            File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        }

        public string Root { get; }

        public string? UserSecretsId { get; set; }

        public void Dispose()
        {
            if (Environment.GetEnvironmentVariable("SCOPEGEN_KEEP_PACKAGE_TEST") == "1")
            {
                return;
            }

            TryDelete(Root);
            if (UserSecretsId is { Length: > 0 } id && Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home)
            {
                // Where dotnet user-jwts keeps the signing key on Linux and macOS (%APPDATA%\Microsoft\UserSecrets on Windows).
                TryDelete(OperatingSystem.IsWindows()
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "Microsoft", "UserSecrets", id)
                    : Path.Combine(home, ".microsoft", "usersecrets", id));
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is not a test failure.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
