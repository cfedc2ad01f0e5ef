using System.IO;

namespace ScopeGen.Cli;

/// <summary><c>scopegen schema</c>: prints the manifest JSON Schema embedded at build time.</summary>
public static class SchemaCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse("schema", args, flags: new string[0], valued: new[] { "--output" }, Aliases.Output);
        if (line.Help)
        {
            stdout.Write(Usage.Schema);
            return ExitCodes.Ok;
        }

        if (line.Operands.Count > 0)
        {
            throw CommandLine.Usage("schema", $"unexpected operand '{line.Operands[0]}'");
        }

        Output.Write("schema", line.Value("--output"), SchemaText(), stdout);
        return ExitCodes.Ok;
    }

    /// <summary>The text of <c>manifest/scopes.schema.json</c>.</summary>
    public static string SchemaText()
    {
        using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream("ScopeGen.Cli.scopes.schema.json")
            ?? throw new CliException(ExitCodes.InputError, "the schema is missing from this build of scopegen", "schema");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
