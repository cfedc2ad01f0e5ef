using System.Text.Json;

namespace ScopeGen.Cli.Tests;

/// <summary>
/// <c>scopegen docs --openapi</c>: per scope, the operations that require it, in Markdown, HTML and JSON. The
/// document is the N8nApi sample's own OpenAPI output (the OpenAPI tests' verified snapshot).
/// </summary>
public sealed class DocsOpenApiTests
{
    private static string SampleDocument => Path.Combine(RepoPaths.Root, "tests", "ScopeGen.OpenApi.Tests", "Sample", "Snapshots", "ParityTests.N8nApi.verified.json");

    [Fact]
    public void Markdown_gets_an_operations_column_from_the_samples_document()
    {
        var result = CliRunner.Run(RepoPaths.Root, "docs", RepoPaths.N8nManifest, "--openapi", SampleDocument);

        Assert.True(result.ExitCode == 0, result.ToString());
        var activate = Assert.Single(result.OutLines, line => line.StartsWith("| `workflow:activate`", StringComparison.Ordinal));
        Assert.EndsWith("| `POST /api/v1/workflows/{id}/activate`<br>`POST /api/v1/workflows/{id}/deactivate` |", activate);
        Assert.Contains(result.OutLines, line => line.StartsWith("| Scope", StringComparison.Ordinal) && line.Contains("| Operations", StringComparison.Ordinal));
        // A reserved scope no endpoint consumes stands out.
        Assert.Matches(@"^\| `user:enforceMfa` +\| .* \| \(none\) +\|$", Assert.Single(result.OutLines, line => line.StartsWith("| `user:enforceMfa`", StringComparison.Ordinal)));
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public void Json_lists_the_operations_of_each_scope()
    {
        var result = CliRunner.Run(RepoPaths.Root, "docs", RepoPaths.N8nManifest, "--format", "json", "--openapi", SampleDocument);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var scopes = json.RootElement.GetProperty("classes")[0].GetProperty("resources").EnumerateArray().SelectMany(r => r.GetProperty("scopes").EnumerateArray()).ToList();
        var list = scopes.Single(s => s.GetProperty("scope").GetString() == "workflow:list").GetProperty("operations");
        var operation = Assert.Single(list.EnumerateArray().ToList());
        Assert.Equal("GET", operation.GetProperty("method").GetString());
        Assert.Equal("/api/v1/workflows", operation.GetProperty("path").GetString());
        Assert.All(scopes, s => Assert.Equal(JsonValueKind.Array, s.GetProperty("operations").ValueKind));
    }

    [Fact]
    public void Html_gets_an_operations_column()
    {
        var result = CliRunner.Run(RepoPaths.Root, "docs", RepoPaths.N8nManifest, "--format", "html", "--openapi", SampleDocument);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<th>Operations</th>", result.StdOut);
        Assert.Contains("<td><code>GET /api/v1/workflows</code></td>", result.StdOut);
    }

    [Fact]
    public void Without_the_extension_the_security_requirements_scopes_count_and_unknown_scopes_are_warned_about()
    {
        using var dir = new TempDir();
        dir.Write("api.scopes.yaml", "resources:\n  workflow:\n    actions:\n      read: Read.\n      list: List.\n");
        dir.Write("openapi.json", """
            { "openapi": "3.1.0", "security": [ { "oauth": ["workflow:list"] } ],
              "paths": {
                "/workflows": { "get": { "operationId": "listWorkflows" }, "post": { "security": [ { "oauth": ["workflow:create"] } ] } },
                "/workflows/{id}": { "get": { "security": [ { "oauth": ["workflow:read"] }, { "apiKey": [] } ] } } } }
            """);

        var result = dir.Run("docs", "api.scopes.yaml", "--format", "json", "--openapi", "openapi.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var scopes = json.RootElement.GetProperty("classes")[0].GetProperty("resources")[0].GetProperty("scopes");
        Assert.Equal("GET /workflows/{id}", Describe(scopes[0]));
        Assert.Equal("GET /workflows listWorkflows", Describe(scopes[1]));
        Assert.Contains("the OpenAPI document requires 'workflow:create', which the manifests do not define (POST /workflows)", result.StdErr);
    }

    [Theory]
    [InlineData("missing.json", null)]
    [InlineData("broken.json", "{ not json")]
    [InlineData("nopaths.json", "{ \"openapi\": \"3.1.0\" }")]
    public void An_unreadable_document_is_an_input_error(string file, string? content)
    {
        using var dir = new TempDir();
        dir.Write("api.scopes.yaml", "resources:\n  workflow:\n    actions:\n      read: Read.\n");
        if (content is not null)
        {
            dir.Write(file, content);
        }

        var result = dir.Run("docs", "api.scopes.yaml", "--openapi", file);

        Assert.Equal(66, result.ExitCode);
        Assert.Equal(string.Empty, result.StdOut);
    }

    private static string Describe(JsonElement scope) => string.Join(", ", scope.GetProperty("operations").EnumerateArray()
        .Select(o => $"{o.GetProperty("method").GetString()} {o.GetProperty("path").GetString()}{(o.GetProperty("operationId").GetString() is { } id ? " " + id : string.Empty)}"));
}
