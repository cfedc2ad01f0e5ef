using System.Diagnostics;

namespace ScopeGen.Cli.Tests;

/// <summary>
/// The TypeScript compiler from the npm registry, installed on first use (<c>npm install</c> into a cache
/// folder outside the repository) and run with <c>node</c>. Pinned, so a new release cannot change results.
/// </summary>
public static class TypeScriptCompiler
{
    /// <summary>The pinned version (a plain-JavaScript release: no native, platform-specific parts).</summary>
    public const string Version = "5.9.3";

    private static readonly Lazy<string> TscPath = new(Install, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where it is installed: <c>SCOPEGEN_TOOL_CACHE</c> or the temp folder, one folder per version.</summary>
    private static string CacheFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("SCOPEGEN_TOOL_CACHE") is { Length: > 0 } cache ? cache : Path.Combine(Path.GetTempPath(), "scopegen-tools"), "typescript-" + Version);

    /// <summary>Runs <c>tsc</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(TscPath.Value);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Execute(start, "tsc");
    }

    private static string Install()
    {
        var tsc = Path.Combine(CacheFolder, "node_modules", "typescript", "bin", "tsc");
        if (File.Exists(tsc))
        {
            return tsc;
        }

        // Installed into a fresh folder and moved into place, so a run killed halfway leaves no half install.
        var staging = CacheFolder + ".staging-" + Environment.ProcessId;
        Directory.CreateDirectory(staging);
        var start = new ProcessStartInfo("npm") { WorkingDirectory = staging };
        foreach (var arg in new[] { "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", staging, "typescript@" + Version })
        {
            start.ArgumentList.Add(arg);
        }

        var (exitCode, output) = Execute(start, "npm install");
        Assert.True(exitCode == 0, $"npm install typescript@{Version} failed:\n{output}");
        try
        {
            Directory.Move(staging, CacheFolder);
        }
        catch (IOException) when (File.Exists(tsc))
        {
            // Another test process installed it first.
            Directory.Delete(staging, recursive: true);
        }

        Assert.True(File.Exists(tsc), $"npm installed typescript but {tsc} is missing");
        return tsc;
    }

    private static (int ExitCode, string Output) Execute(ProcessStartInfo start, string what)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{what} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung process, not a timing assertion.
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not exit");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }
}
