using System.Diagnostics;
using System.Text;

namespace ScopeGen.Cli.Tests;

/// <summary>The result of one run of the tool.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Standard output split into lines.</summary>
    public string[] OutLines => StdOut.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>Runs the built <c>ScopeGen.Cli.dll</c> as a separate process with <c>dotnet</c>, as a user would.</summary>
public static class CliRunner
{
    /// <summary>The tool's assembly, copied beside the tests by the project reference.</summary>
    public static string ToolPath { get; } = Path.Combine(AppContext.BaseDirectory, "ScopeGen.Cli.dll");

    /// <summary>Runs <c>scopegen <paramref name="args"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(ToolPath), $"The tool was not built beside the tests: {ToolPath}");
        // `dotnet test` sets DOTNET_HOST_PATH to the running muxer; fall back to PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // A guard against a hung tool, not a timing assertion.
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"scopegen {string.Join(' ', args)} did not exit");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}

/// <summary>A temporary directory, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Creates an empty directory under the system temp folder.</summary>
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scopegen-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>Writes a file (UTF-8, no BOM, LF) and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var full = System.IO.Path.Combine(Path, name);
        File.WriteAllText(full, text.Replace("\r\n", "\n"), new UTF8Encoding(false));
        return full;
    }

    /// <summary>Runs the tool in this directory.</summary>
    public CliResult Run(params string[] args) => CliRunner.Run(Path, args);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            // git marks object files read-only; clear that so the tree can be deleted.
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

/// <summary>Paths in the repository and beside it.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the tests holding ScopeGen.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The reference manifest.</summary>
    public static string N8nManifest => Path.Combine(Root, "manifest", "n8n.scopes.yaml");

    /// <summary>The manifest JSON Schema.</summary>
    public static string Schema => Path.Combine(Root, "manifest", "scopes.schema.json");

    /// <summary>The n8n documentation page the reference manifest was written from (shared/ sits beside the repository).</summary>
    public static string N8nSeed => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds", "n8n-api-authentication.md"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScopeGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ScopeGen.sln not found above " + AppContext.BaseDirectory);
    }
}
