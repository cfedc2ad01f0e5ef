namespace ScopeGen.Cli.Tests;

/// <summary><c>scopegen init</c>, <c>schema</c>, help texts and command-line errors.</summary>
public sealed class InitAndUsageTests
{
    [Fact]
    public void Init_writes_a_commented_starter_that_passes_check_and_documents()
    {
        using var dir = new TempDir();

        var init = dir.Run("init");
        var check = dir.Run("check", "api.scopes.yaml");
        var docs = dir.Run("docs", "api.scopes.yaml");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Equal("Wrote api.scopes.yaml. Check it with: scopegen check api.scopes.yaml", init.StdOut.Trim());
        var text = File.ReadAllText(Path.Combine(dir.Path, "api.scopes.yaml"));
        Assert.StartsWith("# ScopeGen scope manifest", text);
        Assert.Contains("# yaml-language-server: $schema=obj/scopegen/scopes.schema.json", text);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal(new[] { "1 manifest: 6 scopes in 1 resource; 0 errors, 0 warnings." }, check.OutLines);
        Assert.True(docs.ExitCode == 0, docs.ToString());
        Assert.Contains("| `workflow:activate` | Activate or deactivate a workflow. |", docs.OutLines);
    }

    [Fact]
    public void Init_refuses_to_overwrite_unless_forced()
    {
        using var dir = new TempDir();
        dir.Write("mine.scopes.yaml", "precious: true\n");

        var refused = dir.Run("init", "mine.scopes.yaml");
        var kept = File.ReadAllText(Path.Combine(dir.Path, "mine.scopes.yaml"));
        var forced = dir.Run("init", "mine.scopes.yaml", "--force", "--namespace", "Acme.Api");
        var check = dir.Run("docs", "mine.scopes.yaml", "--format", "json");

        Assert.Equal(73, refused.ExitCode);
        Assert.Contains("'mine.scopes.yaml' already exists; use --force to overwrite it", refused.StdErr);
        Assert.Equal("precious: true\n", kept);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("namespace: Acme.Api\n", File.ReadAllText(Path.Combine(dir.Path, "mine.scopes.yaml")));
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("\"fullName\": \"Acme.Api.Scopes\"", check.StdOut);
    }

    [Theory]
    [InlineData("scopes.yaml", "'scopes.yaml' does not end in .scopes.yaml or .scopes.yml")]
    [InlineData("a.scopes.yaml --namespace 1Bad", "'1Bad' is not a valid C# namespace")]
    [InlineData("a.scopes.yaml b.scopes.yaml", "expected at most one file name; got 2")]
    public void Init_rejects_bad_arguments(string args, string message)
    {
        using var dir = new TempDir();

        var result = dir.Run(new[] { "init" }.Concat(args.Split(' ')).ToArray());

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Schema_prints_the_repository_schema()
    {
        using var dir = new TempDir();

        var printed = dir.Run("schema");
        var written = dir.Run("schema", "-o", "scopes.schema.json");

        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Equal(File.ReadAllText(RepoPaths.Schema), printed.StdOut);
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(File.ReadAllText(RepoPaths.Schema), File.ReadAllText(Path.Combine(dir.Path, "scopes.schema.json")));
    }

    [Fact]
    public void Top_level_help_lists_every_command_and_the_exit_codes()
    {
        using var dir = new TempDir();

        foreach (var args in new[] { new[] { "--help" }, new[] { "-h" }, new[] { "help" } })
        {
            var result = dir.Run(args);
            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var command in new[] { "check <manifest>...", "docs <manifest>...", "diff <old> <new>", "init [<file>]", "schema" })
            {
                Assert.Contains("  " + command, result.StdOut);
            }

            Assert.Contains("  2   diff: a scope was removed without being deprecated in the old manifest", result.StdOut);
            Assert.Contains("  64  bad command line", result.StdOut);
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("docs")]
    [InlineData("diff")]
    [InlineData("init")]
    [InlineData("schema")]
    public void Every_command_has_help_and_writes_nothing_else(string command)
    {
        using var dir = new TempDir();

        var longForm = dir.Run(command, "--help");
        var shortForm = dir.Run(command, "-h", "ignored.scopes.yaml");
        var viaHelp = dir.Run("help", command);

        Assert.True(longForm.ExitCode == 0, longForm.ToString());
        Assert.StartsWith($"Usage: scopegen {command}", longForm.StdOut);
        Assert.Contains("Exit codes:", longForm.StdOut);
        Assert.Equal(longForm.StdOut, shortForm.StdOut);
        Assert.Equal(longForm.StdOut, viaHelp.StdOut);
        Assert.Equal(0, shortForm.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("", "no command given")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    [InlineData("check", "no manifest given")]
    [InlineData("docs", "no manifest given")]
    [InlineData("check a.scopes.yaml --root-namespaec X", "unknown option '--root-namespaec' for 'check'; did you mean '--root-namespace'?")]
    [InlineData("docs a.scopes.yaml --format", "option '--format' needs a value")]
    [InlineData("docs a.scopes.yaml -f html --format json", "option '--format' is given twice")]
    [InlineData("init --force=yes", "option '--force' takes no value")]
    [InlineData("schema extra", "unexpected operand 'extra'")]
    [InlineData("diff a b --format xml", "unknown format 'xml': use text or json")]
    public void Bad_arguments_exit_64_with_a_clear_message(string args, string message)
    {
        using var dir = new TempDir();

        var result = dir.Run(args.Length == 0 ? Array.Empty<string>() : args.Split(' '));

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("scopegen: error: " + message, result.StdErr);
        Assert.Equal(string.Empty, result.StdOut);
    }
}
