using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ScopeGen.Analyzers.CodeFixes;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

public class CodeFixTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;

        """;

    private static string Minimal(string statement) => Usings + $$"""
        public static class Api
        {
            public static void Configure(WebApplication app)
            {
                {{statement}}
            }
        }
        """;

    private static async Task<List<string>> TitlesAsync(string source)
    {
        var document = CodeFixHarness.CreateDocument(source);
        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE001"));
        var actions = await CodeFixHarness.ActionsAsync(document, new AddScopeRequirementCodeFixProvider(), diagnostic);
        return actions.Select(a => a.Title).ToList();
    }

    [Theory]
    [InlineData("""app.MapGet("/workflows/{id}", (string id) => id);""", "Scopes.Workflow.Read")] // GET with an id: read
    [InlineData("""app.MapGet("/api/v1/workflows", () => "x");""", "Scopes.Workflow.List")] // GET collection: list
    [InlineData("""app.MapPost("/workflows", () => "x");""", "Scopes.Workflow.Create")] // POST: create
    [InlineData("""app.MapPut("/workflows/{id}", (string id) => id);""", "Scopes.Workflow.Update")] // PUT: update
    [InlineData("""app.MapPatch("/credentials/{id}", (string id) => id);""", "Scopes.Credential.Update")] // PATCH: update, plural
    [InlineData("""app.MapDelete("/tags/{id}", (string id) => id);""", "Scopes.Tag.Delete")] // DELETE: delete
    [InlineData("""app.MapPost("/workflows/{id}/activate", (string id) => id);""", "Scopes.Workflow.Activate")] // last segment names an action
    [InlineData("""app.MapGet("/data-tables/{id}/rows", (string id) => id);""", "Scopes.DataTableRow.Read")] // kebab plural, two segments: dataTableRow
    [InlineData("""app.MapGet("/workflows/{id}/tags", (string id) => id);""", "Scopes.WorkflowTags.List")] // workflowTags, collection
    [InlineData("""app.MapPost("/source-control/pull", () => "x");""", "Scopes.SourceControl.Pull")] // action segment after a kebab resource
    [InlineData("""app.MapPost("/audit", () => "x");""", "Scopes.SecurityAudit.Generate")] // suffix match, single action
    public async Task Minimal_api_fix_offers_the_inferred_scope_first(string statement, string inferred)
    {
        var titles = await TitlesAsync(Minimal(statement));
        Assert.Equal($"Add .RequireScope({inferred})", titles[0]);
        Assert.Equal("Add .AllowAnonymous()", titles[^1]);
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task Titles_are_inferred_then_other_actions_in_manifest_order_then_AllowAnonymous()
    {
        var titles = await TitlesAsync(Minimal("""app.MapDelete("/tags/{id}", (string id) => id);"""));
        Assert.Equal(
            new[]
            {
                "Add .RequireScope(Scopes.Tag.Delete)",
                "Add .RequireScope(Scopes.Tag.Create)",
                "Add .RequireScope(Scopes.Tag.Read)",
                "Add .RequireScope(Scopes.Tag.List)",
                "Add .RequireScope(Scopes.Tag.Update)",
                "Add .AllowAnonymous()",
            },
            titles);
    }

    [Fact]
    public async Task Unknown_resource_offers_only_AllowAnonymous()
    {
        Assert.Equal(new[] { "Add .AllowAnonymous()" }, await TitlesAsync(Minimal("""app.MapGet("/weather", () => "x");""")));
    }

    [Fact]
    public async Task Controller_name_gives_the_resource_and_the_verb_the_action()
    {
        var source = Usings + """
            [ApiController]
            [Route("api/v1/[controller]")]
            public class ProjectsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List() => Ok();
            }
            """;
        var titles = await TitlesAsync(source);
        Assert.Equal("Add [RequireScope(Scopes.Project.List)]", titles[0]);
        Assert.Equal("Add [AllowAnonymous]", titles[^1]);
    }

    [Fact]
    public async Task Without_a_resource_in_the_route_the_type_name_gives_it()
    {
        // The route names no resource: the class name without its kind (Controller, Hub) does.
        var controller = Usings + """
            [ApiController]
            [Route("api/v1")]
            public class ProjectsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List() => Ok();
            }
            """;
        var hub = Usings + """
            public class WorkflowsHub : Microsoft.AspNetCore.SignalR.Hub
            {
                public string Ping() => "pong";
            }
            """;

        Assert.Equal("Add [RequireScope(Scopes.Project.List)]", (await TitlesAsync(controller))[0]);
        Assert.StartsWith("Add [RequireScope(Scopes.Workflow.", (await TitlesAsync(hub))[0]);
    }

    [Fact]
    public async Task Controller_fix_adds_the_attribute_and_the_using()
    {
        var source = Usings + """
            [ApiController]
            [Route("api/v1/workflows")]
            public class WorkflowsController : ControllerBase
            {
                /// <summary>Activates a workflow.</summary>
                [HttpPost("{id}/activate")]
                public IActionResult Activate(string id) => Ok(id);
            }
            """;
        var document = CodeFixHarness.CreateDocument(source);
        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE001"));
        var actions = await CodeFixHarness.ActionsAsync(document, new AddScopeRequirementCodeFixProvider(), diagnostic);
        var fixedSource = await CodeFixHarness.ApplyAsync(document, actions[0]);
        Assert.Equal("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using N8n.Api;
            [ApiController]
            [Route("api/v1/workflows")]
            public class WorkflowsController : ControllerBase
            {
                /// <summary>Activates a workflow.</summary>
                [HttpPost("{id}/activate")]
                [RequireScope(Scopes.Workflow.Activate)]
                public IActionResult Activate(string id) => Ok(id);
            }
            """, fixedSource);
    }

    [Fact]
    public async Task Controller_AllowAnonymous_fix_adds_the_authorization_using()
    {
        var source = Usings + """
            public class HealthController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }
            """;
        var document = CodeFixHarness.CreateDocument(source);
        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE001"));
        var actions = await CodeFixHarness.ActionsAsync(document, new AddScopeRequirementCodeFixProvider(), diagnostic);
        var fixedSource = await CodeFixHarness.ApplyAsync(document, actions.Single(a => a.Title == "Add [AllowAnonymous]"));
        Assert.Contains("using Microsoft.AspNetCore.Authorization;", fixedSource);
        Assert.Contains("    [AllowAnonymous]\n    public IActionResult Get() => Ok();", fixedSource.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Minimal_api_fix_appends_RequireScope()
    {
        var document = CodeFixHarness.CreateDocument(Minimal("""app.MapGet("/workflows/{id}", (string id) => id);"""));
        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE001"));
        var actions = await CodeFixHarness.ActionsAsync(document, new AddScopeRequirementCodeFixProvider(), diagnostic);
        var fixedSource = await CodeFixHarness.ApplyAsync(document, actions[0]);
        Assert.Contains("""app.MapGet("/workflows/{id}", (string id) => id).RequireScope(Scopes.Workflow.Read);""", fixedSource);
        Assert.Contains("using N8n.Api;", fixedSource);
        Assert.Empty(await CodeFixHarness.DiagnosticsAsync(document.Project.Solution.WithDocumentText(document.Id, Microsoft.CodeAnalysis.Text.SourceText.From(fixedSource)).GetDocument(document.Id)!, new ScopeAnalyzer(), "SCOPE001"));
    }

    [Fact]
    public async Task Fix_all_in_document_gives_each_endpoint_its_inferred_scope()
    {
        var document = CodeFixHarness.CreateDocument(Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/tags", () => "x");
                    app.MapGet("/tags/{id}", (string id) => id);
                    app.MapDelete("/users/{id}", (string id) => id);
                }
            }
            """);
        var fixedSource = await CodeFixHarness.FixAllAsync(document, new AddScopeRequirementCodeFixProvider(), new ScopeAnalyzer(), AddScopeRequirementCodeFixProvider.InferredKey);
        Assert.Contains("""app.MapGet("/tags", () => "x").RequireScope(Scopes.Tag.List);""", fixedSource);
        Assert.Contains("""app.MapGet("/tags/{id}", (string id) => id).RequireScope(Scopes.Tag.Read);""", fixedSource);
        Assert.Contains("""app.MapDelete("/users/{id}", (string id) => id).RequireScope(Scopes.User.Delete);""", fixedSource);
        Assert.Single(fixedSource.Split('\n'), line => line.Trim() == "using N8n.Api;");
    }

    [Fact]
    public async Task Undefined_scope_fix_replaces_with_the_suggestion()
    {
        var document = CodeFixHarness.CreateDocument(Usings + """
            using N8n.Api;

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapPost("/workflows", () => "x").RequireScope("workflow:craete");
                }
            }
            """);
        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE002"));
        Assert.Equal("'workflow:craete' is not a scope defined in the manifest; did you mean 'workflow:create'?", diagnostic.GetMessage());
        var actions = await CodeFixHarness.ActionsAsync(document, new ReplaceWithScopeConstantCodeFixProvider(), diagnostic);
        Assert.Equal("Replace with Scopes.Workflow.Create", Assert.Single(actions).Title);
        var fixedSource = await CodeFixHarness.ApplyAsync(document, actions[0]);
        Assert.Contains(".RequireScope(Scopes.Workflow.Create);", fixedSource);
    }

    [Fact]
    public async Task Literal_scope_fix_all_replaces_every_literal_and_adds_one_using()
    {
        var document = CodeFixHarness.CreateDocument(Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/workflows", () => "x").RequireScope("workflow:list", "workflow:read");
                    app.MapGet("/tags", () => "x").RequireAuthorization("tag:list");
                }
            }
            """);
        var diagnostics = await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE003");
        Assert.Equal(3, diagnostics.Length);
        var actions = await CodeFixHarness.ActionsAsync(document, new ReplaceWithScopeConstantCodeFixProvider(), diagnostics[0]);
        Assert.Equal("Use Scopes.Workflow.List", Assert.Single(actions).Title);
        var fixedSource = await CodeFixHarness.FixAllAsync(document, new ReplaceWithScopeConstantCodeFixProvider(), new ScopeAnalyzer(), ReplaceWithScopeConstantCodeFixProvider.UseConstantKey);
        Assert.Contains(".RequireScope(Scopes.Workflow.List, Scopes.Workflow.Read);", fixedSource);
        Assert.Contains(".RequireAuthorization(Scopes.Tag.List);", fixedSource);
        Assert.Single(fixedSource.Split('\n'), line => line.Trim() == "using N8n.Api;");
    }

    [Fact]
    public void Fix_all_supports_document_project_and_solution()
    {
        foreach (var provider in new CodeFixProvider[] { new AddScopeRequirementCodeFixProvider(), new ReplaceWithScopeConstantCodeFixProvider() })
        {
            var scopes = provider.GetFixAllProvider()!.GetSupportedFixAllScopes().ToList();
            Assert.Contains(FixAllScope.Document, scopes);
            Assert.Contains(FixAllScope.Project, scopes);
            Assert.Contains(FixAllScope.Solution, scopes);
        }
    }
}
