using System.IO;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary><c>scopegen init</c>: writes a commented starter manifest that passes <c>check</c>.</summary>
public static class InitCommand
{
    /// <summary>The file written when no name is given.</summary>
    public const string DefaultPath = "api.scopes.yaml";

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse("init", args, flags: new[] { "--force" }, valued: new[] { "--namespace" });
        if (line.Help)
        {
            stdout.Write(Usage.Init);
            return ExitCodes.Ok;
        }

        if (line.Operands.Count > 1)
        {
            throw CommandLine.Usage("init", $"expected at most one file name; got {line.Operands.Count}");
        }

        var path = line.Operands.Count == 1 ? line.Operands[0] : DefaultPath;
        if (!ManifestParser.IsManifestPath(path))
        {
            throw CommandLine.Usage("init", $"'{path}' does not end in .scopes.yaml or .scopes.yml, so the build would not read it");
        }

        var ns = line.Value("--namespace");
        if (ns is not null && !NameRules.IsValidNamespace(ns))
        {
            throw CommandLine.Usage("init", $"'{ns}' is not a valid C# namespace");
        }

        Output.WriteFile("init", path, Template(Path.GetFileName(path), ns), overwrite: line.Has("--force"));
        stdout.WriteLine($"Wrote {path}. Check it with: scopegen check {path}");
        return ExitCodes.Ok;
    }

    /// <summary>The starter manifest.</summary>
    public static string Template(string fileName, string? ns)
    {
        var namespaceLine = ns is null
            ? "# namespace: Acme.Api               # C# namespace of the generated class; default: the project's RootNamespace\n"
            : $"namespace: {ns}\n";
        return
            "# ScopeGen scope manifest (format version 1).\n" +
            "# A scope is resource + separator + action: \"workflow:read\". The build turns this file into\n" +
            "# constants (Scopes.Workflow.Read) and reports mistakes as SCOPE1xx diagnostics at their line.\n" +
            "#   Check it:        scopegen check " + fileName + "\n" +
            "#   Document it:     scopegen docs " + fileName + " --format html -o scopes.html\n" +
            "#   Before a release: scopegen diff HEAD~1:path/to/" + fileName + " path/to/" + fileName + "\n" +
            "# Editor completion: each build of a project with the ScopeGen package copies the schema to\n" +
            "# obj/scopegen/; make the first line of this file (the path is relative to it)\n" +
            "#   # yaml-language-server: $schema=obj/scopegen/scopes.schema.json\n" +
            "version: 1\n" +
            namespaceLine +
            "className: Scopes                    # the generated class\n" +
            "separator: \":\"                       # between resource and action\n" +
            "resources:\n" +
            "  # Names start with a letter and hold letters, digits, '_' and '-'.\n" +
            "  workflow:\n" +
            "    description: Workflow scopes     # the heading of this resource in 'scopegen docs'\n" +
            "    actions:\n" +
            "      create: Create a workflow.     # short form: action: description\n" +
            "      read: Retrieve a workflow.\n" +
            "      list: List workflows.\n" +
            "      update: Update a workflow.\n" +
            "      delete: Delete a workflow.\n" +
            "      activate:                      # long form: description and, when retiring it, deprecated\n" +
            "        description: Activate or deactivate a workflow.\n" +
            "        # deprecated: Use workflow:publish.   # keys in the field hold scopes: deprecate first,\n" +
            "        #                                    # remove in a later release ('scopegen diff' checks)\n" +
            "presets:\n" +
            "  # Named bundles: exact scopes or patterns (\"workflow:*\", \"*:read\", \"*\").\n" +
            "  readOnly:\n" +
            "    description: Every scope that only reads or lists.\n" +
            "    scopes: [\"*:read\", \"*:list\"]\n";
    }
}
