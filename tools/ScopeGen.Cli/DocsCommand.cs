using System.IO;
using System.Linq;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary><c>scopegen docs</c>: a scope reference in Markdown, HTML or JSON.</summary>
public static class DocsCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse("docs", args, flags: new string[0], valued: new[] { "--format", "--output", "--root-namespace" }, Aliases.OutputAndFormat);
        if (line.Help)
        {
            stdout.Write(Usage.Docs);
            return ExitCodes.Ok;
        }

        if (line.Operands.Count == 0)
        {
            throw CommandLine.Usage("docs", "no manifest given");
        }

        var format = line.Value("--format") ?? "markdown";
        if (format is not ("markdown" or "md" or "html" or "json"))
        {
            throw CommandLine.Usage("docs", $"unknown format '{format}': use markdown, html or json");
        }

        var (catalog, diagnostics) = ManifestInput.Load("docs", line.Operands, line.Value("--root-namespace"), allowGitRevision: false);
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (diagnostics.Any(d => d.Severity == ManifestSeverity.Error))
        {
            stderr.WriteLine("scopegen: error: the manifests have errors; no documentation written.");
            return ExitCodes.ManifestErrors;
        }

        var text = format switch
        {
            "html" => HtmlDocs.Render(catalog),
            "json" => JsonDocs.Render(catalog),
            _ => MarkdownDocs.Render(catalog),
        };
        Output.Write("docs", line.Value("--output"), text, stdout);
        return ExitCodes.Ok;
    }
}
