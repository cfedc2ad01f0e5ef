using System.Text.Json;
using System.Text.RegularExpressions;

namespace ScopeGen.Cli.Tests;

/// <summary><c>scopegen docs</c>: the n8n manifest reproduces the seed's scope tables; HTML and JSON outputs.</summary>
public sealed class DocsTests
{
    [Fact]
    public void Markdown_of_the_n8n_manifest_reproduces_every_scope_and_description_cell_of_the_seed()
    {
        var seed = SeedTables(File.ReadAllLines(RepoPaths.N8nScopeTables));
        Assert.Equal(67, seed.Rows.Count);

        var result = CliRunner.Run(RepoPaths.Root, "docs", RepoPaths.N8nManifest);
        Assert.True(result.ExitCode == 0, result.ToString());
        var docs = SeedTables(result.StdOut.Split('\n'));

        Assert.Equal(seed.Rows.Select(r => (r.Scope, r.Description)), docs.Rows.Select(r => (r.Scope, r.Description)));
        Assert.Equal(seed.Headings, docs.Headings);
        // Same column padding as the hand-written tables, so the rows are the seed's lines exactly.
        Assert.Equal(seed.Rows.Select(r => r.Line), docs.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Markdown_lists_presets_and_marks_deprecated_scopes_and_escapes_pipes()
    {
        using var dir = new TempDir();
        dir.Write("a.scopes.yaml",
            "namespace: Acme\nresources:\n  workflow:\n    actions:\n      read: Read a | b.\n      old:\n        description: Old.\n        deprecated: Use workflow:read.\n" +
            "  tag:\n    actions:\n      list:\npresets:\n  readOnly:\n    description: Reads.\n    scopes: [\"*:read\"]\n");

        var result = dir.Run("docs", "a.scopes.yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| `workflow:read` | " + "Read a \\| b.".PadRight(35) + " |", result.OutLines);
        Assert.Contains("| `workflow:old`  | Old. Deprecated: Use workflow:read. |", result.OutLines);
        Assert.Contains("### tag", result.OutLines); // no description: the resource name is the heading
        Assert.Contains("| `tag:list` |             |", result.OutLines);
        Assert.Contains("### `readOnly`", result.OutLines);
        Assert.Contains("1 scope: `workflow:read`.", result.OutLines);
    }

    [Fact]
    public void Reserved_scopes_are_marked_in_markdown_html_and_json()
    {
        using var dir = new TempDir();
        dir.Write("a.scopes.yaml",
            "namespace: Acme\nresources:\n  user:\n    actions:\n      read: Read a user.\n      enforceMfa:\n        description: Enforce MFA.\n        reserved: true\n" +
            "      audit:\n        description: Reserved for audits.\n        reserved: true\n");

        var markdown = dir.Run("docs", "a.scopes.yaml");
        var html = dir.Run("docs", "a.scopes.yaml", "--format", "html");
        var json = dir.Run("docs", "a.scopes.yaml", "--format", "json");

        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        Assert.Contains(markdown.OutLines, line => line.StartsWith("| `user:enforceMfa` | Enforce MFA. Reserved.", StringComparison.Ordinal));
        Assert.Contains(markdown.OutLines, line => line.StartsWith("| `user:audit`      | Reserved for audits. ", StringComparison.Ordinal) && !line.Contains("audits. Reserved.", StringComparison.Ordinal));
        Assert.Contains(markdown.OutLines, line => line.StartsWith("| `user:read`       | Read a user. ", StringComparison.Ordinal) && !line.Contains("Reserved", StringComparison.Ordinal));
        Assert.Equal(2, Regex.Matches(html.StdOut, "<tr class=\"scope reserved\">").Count);
        var scopes = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("classes")[0].GetProperty("resources")[0].GetProperty("scopes");
        Assert.Equal(new[] { false, true, true }, scopes.EnumerateArray().Select(s => s.GetProperty("reserved").GetBoolean()));
    }

    [Fact]
    public void Html_is_one_self_contained_page_with_a_search_box_and_every_scope()
    {
        var result = CliRunner.Run(RepoPaths.Root, "docs", RepoPaths.N8nManifest, "--format", "html");

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = result.StdOut;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<input id=\"search\" type=\"search\"", html);
        Assert.Equal(67, Regex.Matches(html, "<tr class=\"scope").Count);
        Assert.Equal(17, Regex.Matches(html, "<section class=\"resource\"").Count);
        Assert.Contains("<td><code>workflow:activate</code></td>", html);
        // The seed's inline code survives as <code>, with the quotes encoded.
        Assert.Contains("Also referred to as &quot;publish/unpublish&quot; in the public API (<code>/workflows/{id}/activate</code>", html);
        // Self-contained: no external script, style, image or link.
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.Single(Regex.Matches(html, "<script>"));
        Assert.Single(Regex.Matches(html, "<style>"));
    }

    [Fact]
    public void Html_encodes_every_manifest_text()
    {
        using var dir = new TempDir();
        dir.Write("x.scopes.yaml",
            "resources:\n  workflow:\n    description: \"<img src=x onerror=alert(1)>\"\n    actions:\n      read: \"</td><script>alert('x')</script> & more\"\n" +
            "presets:\n  p:\n    description: \"<b>bold</b>\"\n    scopes: [\"*\"]\n");

        var result = dir.Run("docs", "x.scopes.yaml", "-f", "html");

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = result.StdOut;
        Assert.Contains("&lt;/td&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html);
        Assert.Contains("<h3>&lt;img src=x onerror=alert(1)&gt;</h3>", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Single(Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void Json_has_the_documented_shape_for_the_n8n_manifest()
    {
        var result = CliRunner.Run(RepoPaths.Root, "docs", RepoPaths.N8nManifest, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        var scopeClass = Assert.Single(root.GetProperty("classes").EnumerateArray());
        Assert.Equal("N8n.Api", scopeClass.GetProperty("namespace").GetString());
        Assert.Equal("Scopes", scopeClass.GetProperty("className").GetString());
        Assert.Equal("N8n.Api.Scopes", scopeClass.GetProperty("fullName").GetString());
        var resources = scopeClass.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(17, resources.Count);
        var scopes = resources.SelectMany(r => r.GetProperty("scopes").EnumerateArray()).ToList();
        Assert.Equal(67, scopes.Count);
        var upsert = scopes.Single(s => s.GetProperty("scope").GetString() == "dataTableRow:upsert");
        Assert.Equal("upsert", upsert.GetProperty("action").GetString());
        Assert.Equal("Upsert", upsert.GetProperty("identifier").GetString());
        Assert.False(upsert.GetProperty("deprecated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, upsert.GetProperty("deprecationMessage").ValueKind);
        Assert.Equal("Update a data table's metadata.", scopes.Single(s => s.GetProperty("scope").GetString() == "dataTable:update").GetProperty("description").GetString());
        var presets = scopeClass.GetProperty("presets").EnumerateArray().ToList();
        Assert.Equal(new[] { "readOnly", "full" }, presets.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(22, presets[0].GetProperty("scopes").GetArrayLength());
        Assert.Equal(67, presets[1].GetProperty("scopes").GetArrayLength());
    }

    [Fact]
    public void Docs_writes_to_the_output_file_when_asked()
    {
        using var dir = new TempDir();
        dir.Write("a.scopes.yaml", "resources:\n  workflow:\n    description: Workflow scopes\n    actions:\n      read: Read.\n");

        var result = dir.Run("docs", "a.scopes.yaml", "-o", "out.md");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Contains("| `workflow:read` | Read.       |", File.ReadAllLines(Path.Combine(dir.Path, "out.md")));
    }

    [Fact]
    public void Docs_of_a_manifest_with_errors_writes_no_documentation_and_exits_1()
    {
        using var dir = new TempDir();
        dir.Write("a.scopes.yaml", "resources:\n  workflow:\n    actons:\n      read: Read.\n");

        var result = dir.Run("docs", "a.scopes.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Contains("a.scopes.yaml(3,5): error SCOPE101: Unknown key 'actons' in resource 'workflow'; did you mean 'actions'?", result.StdErr);
    }

    [Fact]
    public void Docs_applies_the_root_namespace_option_to_manifests_without_one()
    {
        using var dir = new TempDir();
        dir.Write("a.scopes.yaml", "resources:\n  workflow:\n    actions:\n      read: Read.\n");

        var result = dir.Run("docs", "a.scopes.yaml", "--root-namespace", "Acme.Api", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"fullName\": \"Acme.Api.Scopes\"", result.StdOut);
    }

    [Fact]
    public void Docs_rejects_an_unknown_format()
    {
        var result = CliRunner.Run(RepoPaths.Root, "docs", RepoPaths.N8nManifest, "--format", "pdf");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("unknown format 'pdf': use markdown, html or json", result.StdErr);
        Assert.Contains("Run 'scopegen docs --help' for usage.", result.StdErr);
    }

    private sealed record TableRow(string Scope, string Description, string Line);

    /// <summary>The <c>###</c> headings that precede a scope table (anchor tags cut) and every <c>| `scope` | description |</c> row.</summary>
    private static (List<string> Headings, List<TableRow> Rows) SeedTables(IEnumerable<string> lines)
    {
        var headings = new List<string>();
        var rows = new List<TableRow>();
        string? pendingHeading = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                var heading = line.Substring(4);
                var anchor = heading.IndexOf(" <a ", StringComparison.Ordinal);
                pendingHeading = anchor >= 0 ? heading.Substring(0, anchor) : heading;
                continue;
            }

            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            if (pendingHeading is not null)
            {
                headings.Add(pendingHeading);
                pendingHeading = null;
            }

            var cells = line.Trim().Trim('|').Split(" | ");
            Assert.True(cells.Length == 2, "Unexpected table row: " + line);
            rows.Add(new TableRow(cells[0].Trim().Trim('`'), cells[1].Trim(), line));
        }

        return (headings, rows);
    }
}
