using System.Text.Json;

namespace ScopeGen.Cli.Tests;

/// <summary><c>scopegen diff</c> with <c>renamedFrom</c>: a declared rename is not breaking; the same rename undeclared is.</summary>
public sealed class DiffRenameTests
{
    private const string Old =
        "namespace: Acme\n" +
        "resources:\n" +
        "  workflow:\n" +
        "    actions:\n" +
        "      read: Retrieve a workflow.\n" +
        "      activate: Activate or deactivate a workflow.\n";

    private const string Renamed =
        "namespace: Acme\n" +
        "resources:\n" +
        "  workflow:\n" +
        "    actions:\n" +
        "      read: Retrieve a workflow.\n" +
        "      publish:\n" +
        "        description: Publish or unpublish a workflow.\n" +
        "        renamedFrom: workflow:activate\n";

    [Fact]
    public void A_rename_declared_with_renamedFrom_is_reported_and_not_breaking()
    {
        var result = Diff(Renamed);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("renamed      workflow:activate -> workflow:publish  (renamedFrom: keys holding workflow:activate keep working)", result.OutLines);
        Assert.DoesNotContain(result.OutLines, line => line.StartsWith("removed", StringComparison.Ordinal) || line.StartsWith("added", StringComparison.Ordinal));
        Assert.Equal("0 added, 0 removed (0 breaking), 1 renamed, 0 renamed?, 0 deprecated, 0 undeprecated, 0 described, 0 presets changed.", result.OutLines[^1]);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public void The_same_rename_without_renamedFrom_is_a_breaking_removal()
    {
        var result = Diff(Renamed.Replace("        renamedFrom: workflow:activate\n", string.Empty));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("removed      workflow:activate  BREAKING: it was not deprecated in the old manifest", result.OutLines);
        Assert.Contains("added        workflow:publish: Publish or unpublish a workflow.", result.OutLines);
        Assert.DoesNotContain(result.OutLines, line => line.StartsWith("renamed ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_former_name_the_old_manifest_never_had_is_no_change()
    {
        var result = Diff(Old.Replace("      read: Retrieve a workflow.\n", "      read:\n        description: Retrieve a workflow.\n        renamedFrom: workflow:get\n"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { "Comparing old.scopes.yaml -> new.scopes.yaml", "No scope changes." }, result.OutLines);
    }

    [Fact]
    public void The_json_report_lists_declared_renames()
    {
        using var dir = new TempDir();
        dir.Write("old.scopes.yaml", Old);
        dir.Write("new.scopes.yaml", Renamed);

        var result = dir.Run("diff", "old.scopes.yaml", "new.scopes.yaml", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.False(json.RootElement.GetProperty("breaking").GetBoolean());
        var rename = Assert.Single(json.RootElement.GetProperty("declaredRenames").EnumerateArray().ToList());
        Assert.Equal("workflow:activate", rename.GetProperty("from").GetString());
        Assert.Equal("workflow:publish", rename.GetProperty("to").GetString());
        Assert.Empty(json.RootElement.GetProperty("removed").EnumerateArray());
    }

    private static CliResult Diff(string newManifest)
    {
        using var dir = new TempDir();
        dir.Write("old.scopes.yaml", Old);
        dir.Write("new.scopes.yaml", newManifest);
        return dir.Run("diff", "old.scopes.yaml", "new.scopes.yaml");
    }
}
