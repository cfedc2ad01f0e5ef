namespace ScopeGen.Cli.Tests;

/// <summary><c>scopegen check</c>: one manifest per SCOPE1xx rule, each diagnostic in MSBuild format at its line and column.</summary>
public sealed class CheckTests
{
    public static TheoryData<string, string, string, int> BadManifests => new()
    {
        {
            "SCOPE100",
            "resources:\n  workflow:\n    actions:\n      create: \"unterminated\n",
            "s.scopes.yaml(4,15): error SCOPE100: Invalid YAML: While scanning a quoted scalar, found unexpected end of stream.",
            1
        },
        {
            "SCOPE101",
            "resources:\n  workflow:\n    actons:\n      create: Create a workflow.\n",
            "s.scopes.yaml(3,5): error SCOPE101: Unknown key 'actons' in resource 'workflow'; did you mean 'actions'?",
            1
        },
        {
            "SCOPE102",
            "resources:\n  workflow:\n    actions:\n      create: Create a workflow.\n      create: Create it again.\n",
            "s.scopes.yaml(5,7): error SCOPE102: Duplicate action in resource 'workflow': 'create' (first defined at line 4)",
            1
        },
        {
            "SCOPE103",
            "resources:\n  1workflow:\n    actions:\n      create: Create a workflow.\n",
            "s.scopes.yaml(2,3): error SCOPE103: '1workflow' is not a valid resource name: a name starts with a letter, contains only letters, digits, '_' and '-', and has at most 128 characters",
            1
        },
        {
            "SCOPE104",
            "resources:\n  dataTable:\n    actions:\n      read: Read.\n  data-table:\n    actions:\n      list: List.\n",
            "s.scopes.yaml(5,3): error SCOPE104: Resource 'data-table' maps to the C# identifier 'DataTable', which another resource also maps to (s.scopes.yaml(2,3))",
            1
        },
        {
            "SCOPE105",
            "resources:\n  workflow:\n    actions:\n      create: Create a workflow.\npresets:\n  writers:\n    scopes: [\"workflow:craete\"]\n",
            "s.scopes.yaml(7,14): error SCOPE105: Preset 'writers': 'workflow:craete' is not a defined scope; did you mean 'workflow:create'?",
            1
        },
        {
            // A warning: reported, but the manifest still passes.
            "SCOPE106",
            "resources:\n  workflow:\n    actions:\n      create: Create a workflow.\n  tag:\n    description: Tag scopes\n",
            "s.scopes.yaml(5,3): warning SCOPE106: Resource 'tag' has no actions, so it defines no scopes",
            0
        },
        {
            "SCOPE107",
            "version: 2\nresources:\n  workflow:\n    actions:\n      create: Create a workflow.\n",
            "s.scopes.yaml(1,10): error SCOPE107: Unsupported manifest version '2': this ScopeGen reads version 1",
            1
        },
        {
            "SCOPE108",
            "resources:\n  workflow: &w\n    actions:\n      create: Create a workflow.\n",
            "s.scopes.yaml(2,13): error SCOPE108: YAML anchors ('&w') are not supported in a scope manifest",
            1
        },
        {
            "SCOPE109",
            "resources:\n  - workflow\n",
            "s.scopes.yaml(2,3): error SCOPE109: 'resources' must be a mapping, not a list",
            1
        },
    };

    [Theory]
    [MemberData(nameof(BadManifests))]
    public void Check_reports_each_rule_in_msbuild_format_at_its_line_and_column(string rule, string manifest, string expectedLine, int expectedExit)
    {
        using var dir = new TempDir();
        dir.Write("s.scopes.yaml", manifest);

        var result = dir.Run("check", "s.scopes.yaml");

        Assert.True(expectedExit == result.ExitCode, result.ToString());
        Assert.Contains(expectedLine, result.OutLines);
        Assert.Contains(result.OutLines, line => line.Contains(" " + rule + ": ", StringComparison.Ordinal));
        var summary = result.OutLines[^1];
        Assert.StartsWith("1 manifest: ", summary);
        Assert.Contains(expectedExit == 0 ? "0 errors" : " error", summary);
    }

    [Fact]
    public void Check_passes_the_reference_manifest_with_exit_code_zero()
    {
        var result = CliRunner.Run(RepoPaths.Root, "check", Path.Combine("manifest", "n8n.scopes.yaml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { "1 manifest: 67 scopes in 17 resources; 0 errors, 0 warnings." }, result.OutLines);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public void Check_merges_several_manifests_like_the_build_and_reports_a_duplicate_at_both_places()
    {
        using var dir = new TempDir();
        dir.Write("a.scopes.yaml", "namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: Read.\n");
        dir.Write("b.scopes.yaml", "namespace: Acme\nresources:\n  workflow:\n    actions:\n      list: List.\n");

        var result = dir.Run("check", "a.scopes.yaml", "b.scopes.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a.scopes.yaml(3,3): error SCOPE102: Duplicate resource 'workflow' (also defined in b.scopes.yaml(3,3))", result.OutLines);
        Assert.Contains("b.scopes.yaml(3,3): error SCOPE102: Duplicate resource 'workflow' (also defined in a.scopes.yaml(3,3))", result.OutLines);
        Assert.Equal("2 manifests: 1 scope in 1 resource; 2 errors, 0 warnings.", result.OutLines[^1]);
    }

    [Fact]
    public void Check_of_a_missing_file_is_an_input_error_with_the_file_named()
    {
        using var dir = new TempDir();

        var result = dir.Run("check", "missing.scopes.yaml");

        Assert.Equal(66, result.ExitCode);
        Assert.Equal("scopegen: error: file not found: 'missing.scopes.yaml'", result.StdErr.Trim());
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void Check_of_a_file_that_is_not_utf8_is_an_input_error()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(Path.Combine(dir.Path, "bin.scopes.yaml"), new byte[] { 0x72, 0x65, 0xFF, 0xFE, 0x00, 0xC3 });

        var result = dir.Run("check", "bin.scopes.yaml");

        Assert.Equal(66, result.ExitCode);
        Assert.Contains("cannot read 'bin.scopes.yaml': it is not UTF-8 text", result.StdErr);
    }

    [Fact]
    public void Check_of_a_directory_is_an_input_error()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "folder.scopes.yaml"));

        var result = dir.Run("check", "folder.scopes.yaml");

        Assert.Equal(66, result.ExitCode);
        Assert.Contains("'folder.scopes.yaml' is a directory", result.StdErr);
    }
}
