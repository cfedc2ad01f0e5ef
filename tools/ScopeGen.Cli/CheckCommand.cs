using System.IO;
using System.Linq;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary><c>scopegen check</c>: the build's SCOPE1xx diagnostics, in MSBuild format.</summary>
public static class CheckCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse("check", args, flags: new string[0], valued: new[] { "--root-namespace" });
        if (line.Help)
        {
            stdout.Write(Usage.Check);
            return ExitCodes.Ok;
        }

        if (line.Operands.Count == 0)
        {
            throw CommandLine.Usage("check", "no manifest given");
        }

        var (catalog, diagnostics) = ManifestInput.Load("check", line.Operands, line.Value("--root-namespace"), allowGitRevision: false);
        foreach (var diagnostic in diagnostics)
        {
            stdout.WriteLine(diagnostic.ToString());
        }

        var errors = diagnostics.Count(d => d.Severity == ManifestSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == ManifestSeverity.Warning);
        var scopes = catalog.Classes.Sum(c => c.AllScopes.Count());
        var resources = catalog.Classes.Sum(c => c.Resources.Count);
        var files = line.Operands.Count == 1 ? "1 manifest" : $"{line.Operands.Count} manifests";
        stdout.WriteLine($"{files}: {Plural(scopes, "scope")} in {Plural(resources, "resource")}; {Plural(errors, "error")}, {Plural(warnings, "warning")}.");
        return errors > 0 ? ExitCodes.ManifestErrors : ExitCodes.Ok;
    }

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
