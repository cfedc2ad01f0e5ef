using System.Text.Json;

namespace ScopeGen.Cli.Tests;

/// <summary>
/// <c>scopegen export</c>: the JSON catalog against <c>manifest/catalog.schema.json</c>, the TypeScript catalog
/// compiled by <c>tsc</c> (from npm, installed on first use), determinism, and <c>--check</c> for CI.
/// </summary>
public sealed class ExportTests
{
    private static readonly Lazy<MiniJsonSchema> CatalogSchema = new(() =>
        new MiniJsonSchema(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "catalog.schema.json"))).RootElement));

    private const string Hostile = "Quote \\\" backslash \\\\ */ </x> ${x} `tick` \\u2028 end\\nline two";

    private static readonly string HostileManifest =
        "namespace: Acme\n" +
        "resources:\n" +
        "  api-key:\n" +
        $"    description: \"{Hostile}\"\n" +
        "    actions:\n" +
        "      rotate_now:\n" +
        $"        description: \"{Hostile}\"\n" +
        "        deprecated: \"Use api-key:roll\"\n" +
        "      roll:\n" +
        "        renamedFrom: [api-key:cycle, key:rotate]\n";

    [Fact]
    public void The_n8n_json_catalog_matches_the_published_schema_and_the_manifest()
    {
        var result = CliRunner.Run(RepoPaths.Root, "export", RepoPaths.N8nManifest, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var errors = CatalogSchema.Value.Validate(JsonElementToObject(JsonDocument.Parse(result.StdOut).RootElement));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal(new[] { "n8n.scopes.yaml" }, root.GetProperty("manifests").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(67, root.GetProperty("scopes").GetArrayLength());
        var workflow = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "workflow");
        Assert.Equal("Workflow scopes", workflow.GetProperty("description").GetString());
        var activate = workflow.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "activate");
        Assert.Equal("workflow:activate", activate.GetProperty("scope").GetString());
        Assert.False(activate.GetProperty("deprecated").GetBoolean());
        Assert.Equal(new[] { "workflow:deactivate" }, activate.GetProperty("renamedFrom").EnumerateArray().Select(e => e.GetString()));
        Assert.False(activate.GetProperty("reserved").GetBoolean());
        var user = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "user");
        Assert.True(user.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "enforceMfa").GetProperty("reserved").GetBoolean());
        var readOnly = root.GetProperty("presets").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "readOnly");
        Assert.Equal(22, readOnly.GetProperty("scopes").GetArrayLength());
        Assert.All(readOnly.GetProperty("scopes").EnumerateArray(), s => Assert.Matches(":(read|list)$", s.GetString()!));
    }

    [Fact]
    public void The_schema_rejects_what_the_catalog_never_holds()
    {
        var result = CliRunner.Run(RepoPaths.Root, "export", RepoPaths.N8nManifest, "--format", "json");
        var bad = result.StdOut.Replace("\"deprecated\": false", "\"deprecated\": \"no\"");
        Assert.NotEqual(result.StdOut, bad);

        Assert.NotEmpty(CatalogSchema.Value.Validate(JsonElementToObject(JsonDocument.Parse(bad).RootElement)));
    }

    [Fact]
    public void The_output_is_the_same_bytes_whatever_the_path_or_run()
    {
        using var dir = new TempDir();
        dir.Write("api.scopes.yaml", File.ReadAllText(RepoPaths.N8nManifest));

        var relative = dir.Run("export", "api.scopes.yaml", "--format", "typescript");
        var absolute = CliRunner.Run(RepoPaths.Root, "export", Path.Combine(dir.Path, "api.scopes.yaml"), "-f", "ts");

        Assert.True(relative.ExitCode == 0, relative.ToString());
        Assert.Equal(relative.StdOut, absolute.StdOut);
        Assert.Equal(relative.StdOut, dir.Run("export", "api.scopes.yaml", "--format", "typescript").StdOut);
        Assert.DoesNotContain(dir.Path, relative.StdOut);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("typescript")]
    public void Check_passes_on_a_fresh_export_and_fails_with_exit_3_once_the_manifest_changes(string format)
    {
        using var dir = new TempDir();
        dir.Write("api.scopes.yaml", "resources:\n  workflow:\n    actions:\n      read: Read.\n");
        var written = dir.Run("export", "api.scopes.yaml", "--format", format, "-o", "catalog.out");
        Assert.True(written.ExitCode == 0, written.ToString());

        var fresh = dir.Run("export", "api.scopes.yaml", "--format", format, "--check", "catalog.out");
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Contains("catalog.out is up to date", fresh.StdErr);

        // Line endings converted by git do not count as a change.
        dir.Write("crlf.out", File.ReadAllText(Path.Combine(dir.Path, "catalog.out")).Replace("\n", "\r\n"));
        Assert.Equal(0, dir.Run("export", "api.scopes.yaml", "--format", format, "--check", "crlf.out").ExitCode);

        dir.Write("api.scopes.yaml", "resources:\n  workflow:\n    actions:\n      read: Read.\n      list: List.\n");
        var stale = dir.Run("export", "api.scopes.yaml", "--format", format, "--check", "catalog.out");
        Assert.Equal(3, stale.ExitCode);
        Assert.Contains("catalog.out is stale", stale.StdErr);
        Assert.Equal(string.Empty, stale.StdOut);
    }

    [Fact]
    public void Check_of_a_missing_file_is_an_input_error()
    {
        using var dir = new TempDir();
        dir.Write("api.scopes.yaml", "resources:\n  workflow:\n    actions:\n      read: Read.\n");

        var result = dir.Run("export", "api.scopes.yaml", "--format", "json", "--check", "nothing.json");

        Assert.Equal(66, result.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "export", "api.scopes.yaml" }, "no format given")]
    [InlineData(new[] { "export", "api.scopes.yaml", "--format", "yaml" }, "unknown format 'yaml'")]
    [InlineData(new[] { "export", "--format", "json" }, "no manifest given")]
    [InlineData(new[] { "export", "api.scopes.yaml", "--format", "json", "--check", "a", "-o", "b" }, "cannot be combined")]
    public void Bad_command_lines_exit_64(string[] args, string message)
    {
        using var dir = new TempDir();
        dir.Write("api.scopes.yaml", "resources:\n  workflow:\n    actions:\n      read: Read.\n");

        var result = dir.Run(args);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(message, result.StdErr);
    }

    [Fact]
    public void A_manifest_with_errors_exports_nothing()
    {
        using var dir = new TempDir();
        dir.Write("api.scopes.yaml", "resources:\n  workflow:\n    actions:\n      read:\n        renamedFrom: workflow:read\n");

        var result = dir.Run("export", "api.scopes.yaml", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SCOPE110", result.StdErr);
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void The_typescript_catalog_compiles_strictly_and_its_types_reject_unknown_scopes()
    {
        using var dir = new TempDir();
        var export = CliRunner.Run(dir.Path, "export", RepoPaths.N8nManifest, "--format", "typescript", "-o", "catalog.ts");
        Assert.True(export.ExitCode == 0, export.ToString());
        dir.Write("usage.ts", """
            import { scopeCatalog, scopes, formerScopes, type Scope, type PresetName, type ResourceName } from "./catalog";

            const read: Scope = "workflow:read";
            // @ts-expect-error a misspelt scope is not a Scope
            const typo: Scope = "workflow:reed";
            const renamed: "workflow:activate" = formerScopes["workflow:deactivate"];
            const description: "Workflow scopes" = scopeCatalog.resources.workflow.description;
            const scope: "dataTableRow:upsert" = scopeCatalog.resources.dataTableRow.actions.upsert.scope;
            const deprecated: false = scopeCatalog.resources.workflow.actions.read.deprecated;
            const preset: PresetName = "readOnly";
            // @ts-expect-error not a preset
            const noPreset: PresetName = "admin";
            const resource: ResourceName = "executionTags";
            const all: readonly Scope[] = scopeCatalog.presets.full.scopes;
            const count: 67 = scopes.length;
            export const used = [read, typo, renamed, description, scope, deprecated, preset, noPreset, resource, all, count];
            """);

        var (exitCode, output) = TypeScriptCompiler.Run(dir.Path, "--strict", "--noEmit", "--target", "es2020", "--module", "commonjs", "usage.ts");

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void A_wrong_use_of_the_typescript_catalog_fails_to_compile()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run(dir.Path, "export", RepoPaths.N8nManifest, "--format", "typescript", "-o", "catalog.ts").ExitCode);
        dir.Write("usage.ts", "import { type Scope } from \"./catalog\";\nexport const typo: Scope = \"workflow:reed\";\n");

        var (exitCode, output) = TypeScriptCompiler.Run(dir.Path, "--strict", "--noEmit", "--target", "es2020", "--module", "commonjs", "usage.ts");

        Assert.NotEqual(0, exitCode);
        Assert.Matches("usage.ts\\(2,14\\): error TS2(322|820): Type '\"workflow:reed\"' is not assignable to type", output);
    }

    [Fact]
    public void Hostile_texts_survive_the_typescript_round_trip_through_tsc_and_node()
    {
        using var dir = new TempDir();
        dir.Write("api.scopes.yaml", HostileManifest);
        var export = dir.Run("export", "api.scopes.yaml", "--format", "typescript", "-o", "catalog.ts");
        Assert.True(export.ExitCode == 0, export.ToString());
        dir.Write("print.ts", """
            import { scopeCatalog, formerScopes } from "./catalog";
            const key = scopeCatalog.resources["api-key"];
            console.log(JSON.stringify([key.description, key.actions.rotate_now.description, key.actions.rotate_now.deprecationMessage, key.actions.roll.description, formerScopes["key:rotate"]]));
            """);

        var (exitCode, output) = TypeScriptCompiler.Run(dir.Path, "--strict", "--target", "es2020", "--module", "commonjs", "--outDir", "out", "print.ts");
        Assert.True(exitCode == 0, output);
        var json = NodeRunner.Run(dir.Path, Path.Combine("out", "print.js"));

        var values = JsonSerializer.Deserialize<string?[]>(json)!;
        var expected = "Quote \" backslash \\ */ </x> ${x} `tick` \u2028 end\nline two";
        Assert.Equal(new[] { expected, expected, "Use api-key:roll", null, "api-key:roll" }, values);
    }

    private static object? JsonElementToObject(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => JsonElementToObject(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(JsonElementToObject).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

/// <summary>Runs a script with <c>node</c> and returns its standard output.</summary>
internal static class NodeRunner
{
    public static string Run(string workingDirectory, string script)
    {
        var start = new System.Diagnostics.ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.GetAwaiter().GetResult());
        return stdout.GetAwaiter().GetResult();
    }
}
