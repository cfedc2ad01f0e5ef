using System.Diagnostics;
using System.Text.Json;

namespace ScopeGen.Cli.Tests;

/// <summary><c>scopegen diff</c>: each kind of change, the breaking-change exit code, JSON, and git revisions.</summary>
public sealed class DiffTests
{
    private const string Old =
        "namespace: Acme\n" +
        "resources:\n" +
        "  workflow:\n" +
        "    actions:\n" +
        "      create: Create a workflow.\n" +
        "      read: Retrieve a workflow.\n" +
        "      activate: Activate or deactivate a workflow.\n" +
        "      legacy:\n" +
        "        description: The old export.\n" +
        "        deprecated: Use workflow:read.\n" +
        "  executionTags:\n" +
        "    actions:\n" +
        "      list: Read the annotation tags assigned to an execution.\n" +
        "presets:\n" +
        "  readOnly:\n" +
        "    scopes: [\"*:read\", \"*:list\"]\n" +
        "  admin:\n" +
        "    scopes: [\"*\"]\n";

    [Fact]
    public void Identical_manifests_have_no_changes_and_exit_0()
    {
        using var dir = new TempDir();
        dir.Write("old.scopes.yaml", Old);
        dir.Write("new.scopes.yaml", Old);

        var result = dir.Run("diff", "old.scopes.yaml", "new.scopes.yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { "Comparing old.scopes.yaml -> new.scopes.yaml", "No scope changes." }, result.OutLines);
    }

    [Fact]
    public void Added_scope_and_the_presets_it_joins_are_listed_and_exit_0()
    {
        var result = Diff(Old.Replace("      read: Retrieve a workflow.\n", "      read: Retrieve a workflow.\n      list: List workflows.\n"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("added        workflow:list: List workflows.", result.OutLines);
        Assert.Contains("preset       readOnly changed: +workflow:list", result.OutLines);
        Assert.Contains("preset       admin changed: +workflow:list", result.OutLines);
        Assert.Equal("1 added, 0 removed (0 breaking), 0 renamed, 0 renamed?, 0 deprecated, 0 undeprecated, 0 described, 2 presets changed.", result.OutLines[^1]);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public void Removing_a_scope_that_was_not_deprecated_is_breaking_and_exits_2()
    {
        var result = Diff(Old.Replace("      create: Create a workflow.\n", string.Empty));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("removed      workflow:create  BREAKING: it was not deprecated in the old manifest", result.OutLines);
        Assert.Contains("preset       admin changed: -workflow:create", result.OutLines);
        Assert.Contains("breaking change: 1 scope removed without being deprecated first (workflow:create)", result.StdErr);
    }

    [Fact]
    public void Removing_a_scope_the_old_manifest_deprecated_is_not_breaking()
    {
        var result = Diff(Old.Replace("      legacy:\n        description: The old export.\n        deprecated: Use workflow:read.\n", string.Empty));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("removed      workflow:legacy  (was deprecated)", result.OutLines);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public void Renamed_action_with_a_similar_description_is_reported_as_a_likely_rename_and_still_breaks()
    {
        var result = Diff(Old.Replace("      activate: Activate or deactivate a workflow.\n", "      publish: Activate or deactivate (publish) a workflow.\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("added        workflow:publish: Activate or deactivate (publish) a workflow.", result.OutLines);
        Assert.Contains("removed      workflow:activate  BREAKING: it was not deprecated in the old manifest", result.OutLines);
        Assert.Contains(result.OutLines, line => line.StartsWith("renamed?     workflow:activate -> workflow:publish  (same resource, description similarity 0.", StringComparison.Ordinal));
    }

    [Fact]
    public void Renamed_resource_with_the_same_action_and_description_is_a_likely_rename()
    {
        var result = Diff(Old.Replace("  executionTags:\n", "  executionTag:\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("renamed?     executionTags:list -> executionTag:list  (same action, description similarity 1.00)", result.OutLines);
    }

    [Fact]
    public void Replaced_scope_with_an_unrelated_description_is_not_called_a_rename()
    {
        var result = Diff(Old.Replace("      activate: Activate or deactivate a workflow.\n", "      share: Share with another project.\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("added        workflow:share: Share with another project.", result.OutLines);
        Assert.DoesNotContain(result.OutLines, line => line.StartsWith("renamed?", StringComparison.Ordinal));
    }

    [Fact]
    public void Newly_deprecated_undeprecated_and_redescribed_scopes_are_listed_and_exit_0()
    {
        var changed = Old
            .Replace("      read: Retrieve a workflow.\n", "      read:\n        description: Retrieve a workflow.\n        deprecated: Use workflow:get.\n")
            .Replace("        deprecated: Use workflow:read.\n", string.Empty)
            .Replace("Create a workflow.", "Create a workflow in a project.");

        var result = Diff(changed);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("deprecated   workflow:read: Use workflow:get.", result.OutLines);
        Assert.Contains("undeprecated workflow:legacy", result.OutLines);
        Assert.Contains("described    workflow:create: \"Create a workflow.\" -> \"Create a workflow in a project.\"", result.OutLines);
    }

    [Fact]
    public void Added_and_removed_presets_are_listed()
    {
        var result = Diff(Old.Replace("  admin:\n    scopes: [\"*\"]\n", "  writers:\n    scopes: [\"workflow:create\"]\n"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.OutLines, line => line.StartsWith("preset       admin removed: -workflow:create -workflow:read", StringComparison.Ordinal));
        Assert.Contains("preset       writers added: +workflow:create", result.OutLines);
    }

    [Fact]
    public void Json_report_carries_every_change_kind()
    {
        var changed = Old
            .Replace("      create: Create a workflow.\n", string.Empty)
            .Replace("      activate: Activate or deactivate a workflow.\n", "      activate:\n        description: Activate or deactivate a workflow.\n        deprecated:\n")
            .Replace("  executionTags:\n", "  executionTag:\n");
        using var dir = new TempDir();
        dir.Write("old.scopes.yaml", Old);
        dir.Write("new.scopes.yaml", changed);

        var result = dir.Run("diff", "old.scopes.yaml", "new.scopes.yaml", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.True(root.GetProperty("breaking").GetBoolean());
        Assert.Equal(new[] { "executionTag:list" }, root.GetProperty("added").EnumerateArray().Select(e => e.GetProperty("scope").GetString()));
        Assert.Equal(new[] { "workflow:create", "executionTags:list" }, root.GetProperty("removed").EnumerateArray().Select(e => e.GetProperty("scope").GetString()));
        Assert.All(root.GetProperty("removed").EnumerateArray(), e => Assert.True(e.GetProperty("breaking").GetBoolean()));
        var rename = Assert.Single(root.GetProperty("renamed").EnumerateArray());
        Assert.Equal("executionTags:list", rename.GetProperty("from").GetString());
        Assert.Equal("action", rename.GetProperty("basis").GetString());
        var deprecated = Assert.Single(root.GetProperty("deprecated").EnumerateArray());
        Assert.Equal("workflow:activate", deprecated.GetProperty("scope").GetString());
        Assert.Equal(JsonValueKind.Null, deprecated.GetProperty("message").ValueKind);
        var presets = root.GetProperty("presets").EnumerateArray().ToList();
        Assert.Equal(new[] { "readOnly", "admin" }, presets.Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void Manifest_errors_in_either_operand_exit_1_with_the_diagnostics()
    {
        var result = Diff("resources:\n  workflow: [read]\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("new.scopes.yaml(2,13): error SCOPE109: Resource 'workflow' must be a mapping, not a list", result.StdErr);
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void Diff_needs_exactly_two_operands()
    {
        using var dir = new TempDir();

        var result = dir.Run("diff", "only.scopes.yaml");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("expected two operands, <old> and <new>; got 1", result.StdErr);
    }

    [Fact]
    public void Git_revision_operands_are_read_with_git_show()
    {
        using var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        dir.Write("api.scopes.yaml", Old);
        Git(dir.Path, "add", "api.scopes.yaml");
        Git(dir.Path, "commit", "-q", "-m", "v1");
        dir.Write("api.scopes.yaml", Old.Replace("      create: Create a workflow.\n", string.Empty));
        Git(dir.Path, "commit", "-q", "-a", "-m", "v2 removes workflow:create");
        dir.Write("api.scopes.yaml", Old.Replace("      create: Create a workflow.\n", "      make: Create a workflow.\n"));

        var history = dir.Run("diff", "HEAD~1:api.scopes.yaml", "HEAD:api.scopes.yaml");
        var working = dir.Run("diff", "HEAD:api.scopes.yaml", "api.scopes.yaml");
        var same = dir.Run("diff", "HEAD~1:api.scopes.yaml", "HEAD~1:api.scopes.yaml");

        Assert.True(history.ExitCode == 2, history.ToString());
        Assert.Equal("Comparing HEAD~1:api.scopes.yaml -> HEAD:api.scopes.yaml", history.OutLines[0]);
        Assert.Contains("removed      workflow:create  BREAKING: it was not deprecated in the old manifest", history.OutLines);
        Assert.True(working.ExitCode == 0, working.ToString());
        Assert.Contains("added        workflow:make: Create a workflow.", working.OutLines);
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Contains("No scope changes.", same.OutLines);
    }

    [Fact]
    public void A_revision_git_cannot_show_is_an_input_error()
    {
        using var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        dir.Write("api.scopes.yaml", Old);

        var result = dir.Run("diff", "no-such-rev:api.scopes.yaml", "api.scopes.yaml");

        Assert.Equal(66, result.ExitCode);
        Assert.Contains("'no-such-rev:api.scopes.yaml' is not a file, and 'git show no-such-rev:api.scopes.yaml' failed: ", result.StdErr);
    }

    private static CliResult Diff(string newManifest)
    {
        using var dir = new TempDir();
        dir.Write("old.scopes.yaml", Old);
        dir.Write("new.scopes.yaml", newManifest);
        return dir.Run("diff", "old.scopes.yaml", "new.scopes.yaml");
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in new[] { ("user.name", "ScopeGen Tests"), ("user.email", "tests@scopegen.invalid"), ("commit.gpgsign", "false"), ("init.defaultBranch", "main") })
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"{key}={value}");
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Keep the user's and the repository's git configuration out of the test repository.
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment.Remove("GIT_DIR");
        start.Environment.Remove("GIT_WORK_TREE");
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error.Result}");
    }
}
