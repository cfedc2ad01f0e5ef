using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace ScopeGen.Testing;

/// <summary>The outcome of one process run.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StdOut, string StdErr, string Output)
{
    /// <summary>Everything printed (stdout and stderr interleaved as they arrived), split into lines.</summary>
    public IReadOnlyList<string> Lines => Output.Replace("\r\n", "\n").Split('\n');

    /// <summary>Standard output split into lines, empty lines dropped.</summary>
    public string[] OutLines => StdOut.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>For assertion messages: the command, its exit code and everything it printed.</summary>
    public override string ToString() => $"$ {Command}\nexit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>
/// Runs the <c>dotnet</c> muxer (the SDK's commands, or an app's dll) as a user would, isolated from the
/// test host: no MSBuild node reuse or server (no process outlives the command), no MSBuild variables
/// inherited from <c>dotnet test</c>, no telemetry or first-run output.
/// </summary>
public static class ProcessRunner
{
    /// <summary>The muxer running the tests (<c>dotnet test</c> sets DOTNET_HOST_PATH), else PATH's.</summary>
    public static string DotnetExecutable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && System.IO.File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Runs <c>dotnet <paramref name="args"/></c> in <paramref name="workingDirectory"/> to completion;
    /// kills the process tree after <paramref name="timeout"/> (a guard against a hang, not a timing assertion).
    /// </summary>
    public static ProcessResult RunDotnet(string workingDirectory, IReadOnlyList<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = StartDotnet(workingDirectory, args, environment);
        if (!process.WaitForExit(timeout))
        {
            throw new TestFailureException($"`{process.Command}` in {workingDirectory} did not finish within {timeout}; output so far:\n{process.Snapshot()}");
        }

        return process.Result();
    }

    /// <summary>Starts <c>dotnet <paramref name="args"/></c> and returns at once; dispose kills the process tree.</summary>
    public static RunningProcess StartDotnet(string workingDirectory, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetExecutable)
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
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        return new RunningProcess(start, "dotnet " + string.Join(" ", args));
    }
}

/// <summary>A started process whose output is collected as it arrives.</summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly StringBuilder output = new();
    private readonly object gate = new();

    internal RunningProcess(ProcessStartInfo start, string command)
    {
        Command = command;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The command line, for messages.</summary>
    public string Command { get; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Everything printed so far, interleaved.</summary>
    public string Snapshot()
    {
        lock (gate)
        {
            return output.ToString();
        }
    }

    /// <summary>
    /// Waits until a printed line matches <paramref name="pattern"/> and returns the match; fails if the
    /// process exits first or <paramref name="timeout"/> passes (a guard against a hang).
    /// </summary>
    public Match WaitForLine(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var line in Snapshot().Split('\n'))
            {
                var match = pattern.Match(line);
                if (match.Success)
                {
                    return match;
                }
            }

            if (process.HasExited)
            {
                process.WaitForExit();
                throw new TestFailureException($"`{Command}` exited ({process.ExitCode}) before printing a line matching {pattern}:\n{Snapshot()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TestFailureException($"`{Command}` printed no line matching {pattern} within {timeout}:\n{Snapshot()}");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>Waits for the exit; on timeout kills the process tree and returns false.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (process.WaitForExit(timeout))
        {
            // The parameterless wait also drains the redirected streams.
            process.WaitForExit();
            return true;
        }

        Kill();
        return false;
    }

    /// <summary>The result of a process that has exited.</summary>
    public ProcessResult Result()
    {
        process.WaitForExit();
        lock (gate)
        {
            return new ProcessResult(Command, process.ExitCode, stdout.ToString(), stderr.ToString(), output.ToString());
        }
    }

    /// <summary>Kills the process tree if it still runs.</summary>
    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    private void Append(StringBuilder stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            stream.Append(line).Append('\n');
            output.Append(line).Append('\n');
        }
    }
}
