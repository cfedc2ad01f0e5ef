namespace ScopeGen.Cli;

/// <summary>The help texts of <c>scopegen</c> and its commands.</summary>
public static class Usage
{
    private const string ExitCodesText =
        "Exit codes:\n" +
        "  0   success (warnings allowed)\n" +
        "  1   a manifest has errors (SCOPE1xx)\n" +
        "  2   diff: a scope was removed without being deprecated in the old manifest\n" +
        "  3   export --check: the committed export is stale\n" +
        "  64  bad command line\n" +
        "  66  missing or unreadable input (no such file, not UTF-8, git show failed)\n" +
        "  73  output not written (init target exists without --force, or a write failed)\n";

    /// <summary>The top-level help.</summary>
    public const string Main =
        "scopegen: check, document and diff ScopeGen scope manifests (*.scopes.yaml).\n" +
        "\n" +
        "Usage: scopegen <command> [options]\n" +
        "\n" +
        "Commands:\n" +
        "  check <manifest>...        report SCOPE1xx diagnostics as the build does\n" +
        "  docs <manifest>...         write a scope reference (Markdown, HTML or JSON)\n" +
        "  diff <old> <new>           list scope changes; exit 2 on a breaking removal\n" +
        "  export <manifest>...       write the scope catalog for front ends (TypeScript or JSON)\n" +
        "  init [<file>]              write a commented starter manifest\n" +
        "  schema                     print the manifest's JSON Schema\n" +
        "\n" +
        "Run 'scopegen <command> --help' for a command's options.\n" +
        "\n" +
        ExitCodesText;

    /// <summary>Help of <c>check</c>.</summary>
    public const string Check =
        "Usage: scopegen check <manifest>... [--root-namespace <ns>]\n" +
        "\n" +
        "Parses the manifests and merges them as the build does (manifests that share namespace and class\n" +
        "name form one class), then prints every diagnostic in MSBuild format:\n" +
        "  file(line,col): error SCOPE102: message\n" +
        "\n" +
        "Options:\n" +
        "  --root-namespace <ns>   namespace for manifests without 'namespace' (the project's RootNamespace)\n" +
        "  -h, --help              show this help\n" +
        "\n" +
        "Exit codes: 0 no errors (warnings allowed), 1 errors, 64 bad arguments, 66 unreadable input.\n";

    /// <summary>Help of <c>docs</c>.</summary>
    public const string Docs =
        "Usage: scopegen docs <manifest>... [--format markdown|html|json] [-o <file>] [--openapi <file>] [--root-namespace <ns>]\n" +
        "\n" +
        "Writes a scope reference: one table per resource (heading: the resource's description) with\n" +
        "each scope and its description, then the presets.\n" +
        "  markdown  (default) GitHub-flavoured Markdown tables\n" +
        "  html      one self-contained page (inline CSS and script, no external resources) with a search box\n" +
        "  json      a stable machine-readable shape (formatVersion 1; see docs/cli.md)\n" +
        "\n" +
        "Options:\n" +
        "  -f, --format <format>   markdown, html or json\n" +
        "  -o, --output <file>     write to a file instead of standard output\n" +
        "  --openapi <file>        an OpenAPI document (JSON): list per scope the operations that require it\n" +
        "                          (x-required-scopes, else the security requirements' scopes)\n" +
        "  --root-namespace <ns>   namespace for manifests without 'namespace'\n" +
        "  -h, --help              show this help\n" +
        "\n" +
        "Manifests with errors produce no documentation: the diagnostics go to standard error.\n" +
        "Exit codes: 0 written, 1 manifest errors, 64 bad arguments, 66 unreadable input, 73 write failed.\n";

    /// <summary>Help of <c>diff</c>.</summary>
    public const string Diff =
        "Usage: scopegen diff <old> <new> [--format text|json]\n" +
        "\n" +
        "Compares two versions of a manifest. Each operand is a file, or REV:path read with\n" +
        "'git show REV:path' from the current directory (for example HEAD~1:manifest/api.scopes.yaml;\n" +
        "an existing file of that name wins). Reports:\n" +
        "  added         scopes only in <new>\n" +
        "  removed       scopes only in <old>; BREAKING unless <old> already marked them deprecated\n" +
        "  renamed?      a removed and an added scope with the same resource or the same action and\n" +
        "                similar descriptions (character-bigram Dice similarity >= 0.6)\n" +
        "  deprecated    scopes deprecated in <new> but not in <old>\n" +
        "  undeprecated  scopes deprecated in <old> but not in <new>\n" +
        "  described     scopes whose description changed\n" +
        "  preset        presets added, removed, or whose expanded scopes changed\n" +
        "\n" +
        "Options:\n" +
        "  -f, --format <format>   text (default) or json\n" +
        "  -h, --help              show this help\n" +
        "\n" +
        "Exit codes: 0 no breaking change, 1 manifest errors, 2 breaking change, 64 bad arguments,\n" +
        "66 unreadable input.\n";

    /// <summary>Help of <c>init</c>.</summary>
    public const string Init =
        "Usage: scopegen init [<file>] [--namespace <ns>] [--force]\n" +
        "\n" +
        "Writes a commented starter manifest (default file: api.scopes.yaml). The file name must end in\n" +
        ".scopes.yaml or .scopes.yml, the names the build reads.\n" +
        "\n" +
        "Options:\n" +
        "  --namespace <ns>   the C# namespace of the generated class (default: the project's RootNamespace)\n" +
        "  --force            overwrite an existing file\n" +
        "  -h, --help         show this help\n" +
        "\n" +
        "Exit codes: 0 written, 64 bad arguments, 73 file exists (without --force) or cannot be written.\n";

    /// <summary>Help of <c>schema</c>.</summary>
    public const string Schema =
        "Usage: scopegen schema [-o <file>]\n" +
        "\n" +
        "Prints the JSON Schema (draft 2020-12) of the manifest format, for editors with a YAML language\n" +
        "server. A project with the ScopeGen package needs no copy: its build writes the schema to\n" +
        "obj/scopegen/scopes.schema.json. Elsewhere, save it (outside a web project's folder, whose .json\n" +
        "files are published) and start the manifest with\n" +
        "  # yaml-language-server: $schema=<path relative to the manifest>\n" +
        "\n" +
        "Options:\n" +
        "  -o, --output <file>   write to a file instead of standard output\n" +
        "  -h, --help            show this help\n" +
        "\n" +
        "Exit codes: 0 written, 64 bad arguments, 73 write failed.\n";

    /// <summary>Help of <c>export</c>.</summary>
    public const string Export =
        "Usage: scopegen export <manifest>... --format typescript|json [-o <file> | --check <file>] [--root-namespace <ns>]\n" +
        "\n" +
        "Writes the scope catalog for a front end's scope picker: resources with descriptions, actions with\n" +
        "scope strings, descriptions, deprecation and former names (renamedFrom), presets expanded.\n" +
        "  typescript  'as const' objects (scopeCatalog, scopes, formerScopes) and the union type Scope\n" +
        "  json        formatVersion 1, described by manifest/catalog.schema.json\n" +
        "The output depends only on the manifests: the same input gives the same bytes.\n" +
        "\n" +
        "Options:\n" +
        "  -f, --format <format>   typescript (or ts) or json; required\n" +
        "  -o, --output <file>     write to a file instead of standard output\n" +
        "  --check <file>          write nothing; exit 3 when <file> differs from the export (for CI)\n" +
        "  --root-namespace <ns>   namespace for manifests without 'namespace'\n" +
        "  -h, --help              show this help\n" +
        "\n" +
        "Exit codes: 0 written or up to date, 1 manifest errors, 3 stale (--check), 64 bad arguments,\n" +
        "66 unreadable input, 73 write failed.\n";

    /// <summary>The help of <paramref name="command"/>, or null for an unknown command.</summary>
    public static string? ForCommand(string command) => command switch
    {
        "check" => Check,
        "docs" => Docs,
        "diff" => Diff,
        "init" => Init,
        "schema" => Schema,
        "export" => Export,
        _ => null,
    };
}
