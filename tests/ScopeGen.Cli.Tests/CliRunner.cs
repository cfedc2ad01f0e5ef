using System.Text;
using ScopeGen.Testing;

namespace ScopeGen.Cli.Tests;

/// <summary>Runs the built <c>ScopeGen.Cli.dll</c> as a separate process with <c>dotnet</c>, as a user would.</summary>
public static class CliRunner
{
    /// <summary>The tool's assembly, copied beside the tests by the project reference.</summary>
    public static string ToolPath { get; } = Path.Combine(AppContext.BaseDirectory, "ScopeGen.Cli.dll");

    /// <summary>Runs <c>scopegen <paramref name="args"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(ToolPath), $"The tool was not built beside the tests: {ToolPath}");
        // The timeout is a guard against a hung tool, not a timing assertion.
        return ProcessRunner.RunDotnet(workingDirectory, [ToolPath, .. args], TimeSpan.FromMinutes(2));
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

/// <summary>Paths in the repository and the test data copied beside the tests.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the tests holding ScopeGen.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The reference manifest.</summary>
    public static string N8nManifest => Path.Combine(Root, "manifest", "n8n.scopes.yaml");

    /// <summary>The manifest JSON Schema.</summary>
    public static string Schema => Path.Combine(Root, "manifest", "scopes.schema.json");

    /// <summary>
    /// The scope tables of the n8n documentation page the reference manifest was written from, kept as
    /// test data in the repository (TestData/n8n-scope-tables.md, copied beside the tests).
    /// </summary>
    public static string N8nScopeTables => Path.Combine(AppContext.BaseDirectory, "TestData", "n8n-scope-tables.md");

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
