using System;
using System.Collections.Generic;

namespace ScopeGen.Cli;

/// <summary>
/// The parsed arguments of one command: operands, flags and valued options. Deliberately small:
/// <c>--name value</c>, <c>--name=value</c>, short aliases, and <c>--</c> to end options.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    private CommandLine(string command) => Command = command;

    /// <summary>The command these arguments belong to.</summary>
    public string Command { get; }

    /// <summary>The operands, in order.</summary>
    public List<string> Operands { get; } = new();

    /// <summary>Whether <c>--help</c> or <c>-h</c> was given.</summary>
    public bool Help { get; private set; }

    /// <summary>
    /// Parses <paramref name="args"/>. <paramref name="flags"/> and <paramref name="valued"/> list long option
    /// names (with <c>--</c>); <paramref name="aliases"/> maps short forms such as <c>-o</c> to long ones.
    /// </summary>
    public static CommandLine Parse(string command, string[] args, string[] flags, string[] valued, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var result = new CommandLine(command);
        var onlyOperands = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (onlyOperands || arg == "-" || !arg.StartsWith("-", StringComparison.Ordinal))
            {
                result.Operands.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyOperands = true;
                continue;
            }

            if (arg is "-h" or "--help")
            {
                result.Help = true;
                continue;
            }

            string name = arg;
            string? inlineValue = null;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg.Substring(0, equals);
                inlineValue = arg.Substring(equals + 1);
            }

            if (aliases is not null && aliases.TryGetValue(name, out var longName))
            {
                name = longName;
            }

            if (Array.IndexOf(flags, name) >= 0)
            {
                if (inlineValue is not null)
                {
                    throw Usage(command, $"option '{name}' takes no value");
                }

                result.Add(name, null);
            }
            else if (Array.IndexOf(valued, name) >= 0)
            {
                if (inlineValue is null)
                {
                    if (i + 1 >= args.Length)
                    {
                        throw Usage(command, $"option '{name}' needs a value");
                    }

                    inlineValue = args[++i];
                }

                result.Add(name, inlineValue);
            }
            else
            {
                var known = new List<string>(flags);
                known.AddRange(valued);
                known.Add("--help");
                var hint = ScopeGen.Manifest.NameRules.FindClosest(name, known) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;
                throw Usage(command, $"unknown option '{name}' for '{command}'{hint}");
            }
        }

        return result;
    }

    /// <summary>Whether the flag or option was given.</summary>
    public bool Has(string name) => options.ContainsKey(name);

    /// <summary>The value of a valued option, or null when it was not given.</summary>
    public string? Value(string name) => options.TryGetValue(name, out var value) ? value : null;

    /// <summary>A usage error of <paramref name="command"/>.</summary>
    public static CliException Usage(string command, string message) => new(ExitCodes.Usage, message, command);

    private void Add(string name, string? value)
    {
        if (options.ContainsKey(name))
        {
            throw Usage(Command, $"option '{name}' is given twice");
        }

        options.Add(name, value);
    }
}
