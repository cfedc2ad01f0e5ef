using System.Diagnostics;
using System.Text;

namespace ScopeGen.Package.Tests;

/// <summary>The outcome of one <c>dotnet</c> command.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    /// <summary>The output's lines (stdout and stderr interleaved as they arrived).</summary>
    public IReadOnlyList<string> Lines => Output.Replace("\r\n", "\n").Split('\n');

    /// <summary>For assertion messages: the command, its exit code and everything it printed.</summary>
    public override string ToString() => $"$ {Command}\nexit {ExitCode}\n{Output}";
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user would, isolated from the test host: no MSBuild node reuse or
/// server (no process outlives the command), no MSBuild variables inherited from <c>dotnet test</c>.
/// </summary>
public static class DotnetCli
{
    /// <summary>The muxer running the tests (<c>dotnet test</c> sets DOTNET_HOST_PATH), else PATH's.</summary>
    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Runs <c>dotnet <paramref name="args"/></c> in <paramref name="workingDirectory"/>; kills the
    /// process tree after <paramref name="timeout"/> (a guard against a hang, not a timing assertion).
    /// </summary>
    public static CommandResult Run(string workingDirectory, IReadOnlyList<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // `dotnet test` exports MSBuild's own paths to the test host; a child build must find its own.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        start.Environment["TERM"] = "dumb";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var command = "dotnet " + string.Join(' ', args);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"`{command}` in {workingDirectory} did not finish within {timeout}; output so far:\n{Snapshot(output)}");
        }

        // The parameterless wait also drains the redirected streams.
        process.WaitForExit();
        return new CommandResult(command, process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
