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
        var line = CommandLine.Parse("docs", args, flags: new string[0], valued: new[] { "--format", "--output", "--root-namespace", "--openapi" }, Aliases.OutputAndFormat);
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

        var operations = line.Value("--openapi") is { } openApiPath ? OpenApiOperations.Load("docs", openApiPath) : null;
        if (operations is not null)
        {
            // An operation that requires a scope the manifests do not define can never be called with a key built from them.
            var defined = new System.Collections.Generic.HashSet<string>(catalog.Classes.SelectMany(c => c.AllScopes).Select(s => s.Value), System.StringComparer.Ordinal);
            foreach (var scope in operations.Scopes.Where(scope => !defined.Contains(scope)))
            {
                stderr.WriteLine($"scopegen: warning: the OpenAPI document requires '{scope}', which the manifests do not define ({string.Join(", ", operations.For(scope))}).");
            }
        }

        var text = format switch
        {
            "html" => HtmlDocs.Render(catalog, operations),
            "json" => JsonDocs.Render(catalog, operations),
            _ => MarkdownDocs.Render(catalog, operations),
        };
        Output.Write("docs", line.Value("--output"), text, stdout);
        return ExitCodes.Ok;
    }
}
