using System;
using System.IO;
using System.Text;

namespace ScopeGen.Cli;

/// <summary>Entry point of <c>scopegen</c>: dispatches to a command and maps failures to exit codes.</summary>
public static class Program
{
    /// <summary>Runs the tool; the return value is the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args)
    {
        // Docs and diagnostics carry any Unicode text; the console's code page must not mangle it.
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs one command line, writing results to <paramref name="stdout"/> and problems to <paramref name="stderr"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine("scopegen: error: no command given.");
            stderr.WriteLine();
            stderr.Write(Usage.Main);
            return ExitCodes.Usage;
        }

        var command = args[0];
        var rest = args.AsSpan(1).ToArray();
        try
        {
            switch (command)
            {
                case "-h":
                case "--help":
                case "help":
                    if (rest.Length == 1 && Usage.ForCommand(rest[0]) is { } commandHelp)
                    {
                        stdout.Write(commandHelp);
                        return ExitCodes.Ok;
                    }

                    stdout.Write(Usage.Main);
                    return ExitCodes.Ok;
                case "--version":
                    stdout.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "unknown");
                    return ExitCodes.Ok;
                case "check":
                    return CheckCommand.Run(rest, stdout, stderr);
                case "docs":
                    return DocsCommand.Run(rest, stdout, stderr);
                case "diff":
                    return DiffCommand.Run(rest, stdout, stderr);
                case "init":
                    return InitCommand.Run(rest, stdout, stderr);
                case "schema":
                    return SchemaCommand.Run(rest, stdout, stderr);
                case "export":
                    return ExportCommand.Run(rest, stdout, stderr);
                default:
                    throw new CliException(ExitCodes.Usage, $"unknown command '{command}'. Commands: check, docs, diff, export, init, schema.", null);
            }
        }
        catch (CliException exception)
        {
            stderr.WriteLine($"scopegen: error: {exception.Message}");
            if (exception.ExitCode == ExitCodes.Usage)
            {
                stderr.WriteLine(exception.Command is null ? "Run 'scopegen --help' for usage." : $"Run 'scopegen {exception.Command} --help' for usage.");
            }

            return exception.ExitCode;
        }
    }
}

/// <summary>The exit codes of <c>scopegen</c>; docs/cli.md documents the same table.</summary>
public static class ExitCodes
{
    /// <summary>Success: no errors (warnings allowed), no breaking change.</summary>
    public const int Ok = 0;

    /// <summary>A manifest has errors (SCOPE1xx of error severity).</summary>
    public const int ManifestErrors = 1;

    /// <summary><c>diff</c> only: a scope was removed without being deprecated in the old manifest.</summary>
    public const int BreakingChange = 2;

    /// <summary><c>export --check</c> only: the committed export differs from the manifests' export.</summary>
    public const int StaleExport = 3;

    /// <summary>Bad command line: unknown command or option, missing or extra operands (BSD <c>EX_USAGE</c>).</summary>
    public const int Usage = 64;

    /// <summary>An input is missing or unreadable: no such file, not UTF-8, <c>git show</c> failed (BSD <c>EX_NOINPUT</c>).</summary>
    public const int InputError = 66;

    /// <summary>An output cannot be written, or <c>init</c> would overwrite a file without <c>--force</c> (BSD <c>EX_CANTCREAT</c>).</summary>
    public const int CannotWrite = 73;
}

/// <summary>A failure that ends the command with a message and an exit code, not a stack trace.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the failure.</summary>
    public CliException(int exitCode, string message, string? command)
        : base(message)
    {
        ExitCode = exitCode;
        Command = command;
    }

    /// <summary>The exit code to return.</summary>
    public int ExitCode { get; }

    /// <summary>The command whose help to point at for usage errors.</summary>
    public string? Command { get; }
}
