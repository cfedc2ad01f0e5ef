using System;
using System.IO;
using System.Linq;
using System.Text;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary><c>scopegen export</c>: the scope catalog for front ends, in TypeScript or JSON; <c>--check</c> fails on a stale export.</summary>
public static class ExportCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse("export", args, flags: new string[0], valued: new[] { "--format", "--output", "--check", "--root-namespace" }, Aliases.OutputAndFormat);
        if (line.Help)
        {
            stdout.Write(Usage.Export);
            return ExitCodes.Ok;
        }

        if (line.Operands.Count == 0)
        {
            throw CommandLine.Usage("export", "no manifest given");
        }

        var format = line.Value("--format") ?? throw CommandLine.Usage("export", "no format given: use --format typescript or --format json");
        if (format is not ("typescript" or "ts" or "json"))
        {
            throw CommandLine.Usage("export", $"unknown format '{format}': use typescript or json");
        }

        var check = line.Value("--check");
        if (check is not null && line.Value("--output") is not null)
        {
            throw CommandLine.Usage("export", "--check compares with a file and writes nothing: it cannot be combined with --output");
        }

        var (catalog, diagnostics) = ManifestInput.Load("export", line.Operands, line.Value("--root-namespace"), allowGitRevision: false);
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (diagnostics.Any(d => d.Severity == ManifestSeverity.Error))
        {
            stderr.WriteLine("scopegen: error: the manifests have errors; nothing exported.");
            return ExitCodes.ManifestErrors;
        }

        var export = CatalogExport.From(catalog);
        var text = format == "json" ? export.ToJson() : export.ToTypeScript();
        if (check is null)
        {
            Output.Write("export", line.Value("--output"), text, stdout);
            return ExitCodes.Ok;
        }

        string committed;
        try
        {
            committed = File.ReadAllText(check, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InputError, $"cannot read '{check}': {exception.Message}", "export");
        }

        // Line endings are git's business (core.autocrlf), not a change of the catalog.
        if (string.Equals(committed.Replace("\r\n", "\n"), text, StringComparison.Ordinal))
        {
            stderr.WriteLine($"scopegen: {check} is up to date.");
            return ExitCodes.Ok;
        }

        stderr.WriteLine($"scopegen: error: {check} is stale: it differs from the export of the manifests (first difference at line {FirstDifferentLine(committed.Replace("\r\n", "\n"), text)}). " +
            $"Run 'scopegen export {string.Join(" ", line.Operands)} --format {format} -o {check}' and commit the result.");
        return ExitCodes.StaleExport;
    }

    private static int FirstDifferentLine(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        var i = 0;
        while (i < left.Length && i < right.Length && left[i] == right[i])
        {
            i++;
        }

        return i + 1;
    }
}
