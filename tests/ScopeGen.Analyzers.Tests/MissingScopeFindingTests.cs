using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// What a SCOPE001 finding says: the endpoint it names (the corpus checks only where findings are), the two ways
/// out it suggests for that kind of endpoint, and the fix target the code fix reads from its properties.
/// </summary>
/// <remarks>
/// The timeouts turn an analyzer that never returns (a loop that stops advancing) into a failure, not a hung run.
/// </remarks>
public sealed class MissingScopeFindingTests
{
    private const int Timeout = 60_000;

    private static string Minimal(string statement) => EndpointCorpus.Usings + $$"""
        public static class Api
        {
            public static void Configure(WebApplication app)
            {
                {{statement}}
            }
        }
        """;

    private static async Task<Diagnostic> SingleFindingAsync(string source, Dictionary<string, string>? properties = null)
    {
        var run = await AnalyzerHarness.RunAsync(new[] { source }, properties: properties);
        return Assert.Single(run.Diagnostics, d => d.Id == "SCOPE001");
    }

    private static async Task<Diagnostic> SingleFindingAsync(string[] sources)
    {
        var run = await AnalyzerHarness.RunAsync(sources);
        return Assert.Single(run.Diagnostics, d => d.Id == "SCOPE001");
    }

    private static string FixTarget(Diagnostic diagnostic) => diagnostic.Properties[ScopeInference.FixTargetProperty]!;

    [Theory(Timeout = Timeout)]
    [InlineData("""app.MapGet("/tags", () => "x");""", "GET /tags")]
    [InlineData("""app.MapPost("/workflows", () => "x");""", "POST /workflows")]
    [InlineData("""app.MapPut("/tags/{id}", (string id) => id);""", "PUT /tags/{id}")]
    [InlineData("""app.MapPatch("/tags/{id}", (string id) => id);""", "PATCH /tags/{id}")]
    [InlineData("""app.MapDelete("/tags/{id}", (string id) => id);""", "DELETE /tags/{id}")]
    // MapMethods: the first HTTP method listed; an empty list names the mapping method instead.
    [InlineData("""app.MapMethods("/workflows", new[] { "HEAD", "GET" }, () => "x");""", "HEAD /workflows")]
    [InlineData("""app.MapMethods("/workflows", new string[] { }, () => "x");""", "MapMethods /workflows")]
    // No HTTP method of its own: the mapping method and the route.
    [InlineData("""app.Map("/raw", (HttpContext context) => context.Response.WriteAsync("x"));""", "Map /raw")]
    // No route at all: the mapping method alone.
    [InlineData("""app.MapFallback(() => "x");""", "MapFallback")]
    public async Task A_minimal_api_finding_names_the_HTTP_method_and_route_and_suggests_the_builder_calls(string statement, string endpoint)
    {
        var finding = await SingleFindingAsync(Minimal(statement));

        Assert.Equal($"Endpoint '{endpoint}' has no scope requirement: add .RequireScope(...) (or .AllowAnonymous() if it is public)", finding.GetMessage());
        Assert.Equal("Invocation", FixTarget(finding));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_controller_action_finding_names_controller_and_action_and_offers_the_method_fix()
    {
        var finding = await SingleFindingAsync(EndpointCorpus.Usings + """
            [Route("tags")]
            public class TagsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List() => Ok();
            }
            """);

        Assert.Equal("Endpoint 'TagsController.List' has no scope requirement: add [RequireScope(...)] (or [AllowAnonymous] if it is public)", finding.GetMessage());
        Assert.Equal("Method", FixTarget(finding));
    }

    [Fact(Timeout = Timeout)]
    public async Task An_inherited_action_finding_sits_on_the_controller_and_offers_no_method_fix()
    {
        // The finding points at the class: there is no method declaration in it for the fix to put an attribute on.
        var finding = await SingleFindingAsync(EndpointCorpus.Usings + """
            public abstract class CrudControllerBase : ControllerBase
            {
                [HttpDelete("{id}")]
                public virtual IActionResult Delete(string id) => Ok(id);
            }

            [Route("tags")]
            public class TagsController : CrudControllerBase
            {
            }
            """);

        Assert.Equal("Endpoint 'TagsController.Delete' (inherited from 'CrudControllerBase') has no scope requirement: add [RequireScope(...)] (or [AllowAnonymous] if it is public)", finding.GetMessage());
        Assert.Equal("None", FixTarget(finding));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_hub_method_finding_names_hub_and_method_and_offers_the_method_fix()
    {
        // The override makes the analyzer walk OnConnectedAsync's overridden methods up to Hub's.
        var finding = await SingleFindingAsync("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR;

            public class ChatHub : Hub
            {
                public override Task OnConnectedAsync() => base.OnConnectedAsync();

                public string Send(string message) => message;
            }
            """);

        Assert.Equal("Endpoint 'ChatHub.Send' has no scope requirement: add [RequireScope(...)] (or [AllowAnonymous] if it is public)", finding.GetMessage());
        Assert.Equal("Method", FixTarget(finding));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_grpc_method_finding_names_service_and_method_and_offers_the_method_fix()
    {
        var finding = await SingleFindingAsync(new[]
        {
            """
            using System.Threading.Tasks;
            using Demo.Grpc;
            using Grpc.Core;

            public sealed class WorkflowService : Workflows.WorkflowsBase
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public override Task<WorkflowReply> List(WorkflowRequest request, ServerCallContext context) => Task.FromResult(new WorkflowReply());

                public override Task<WorkflowReply> Delete(WorkflowRequest request, ServerCallContext context) => Task.FromResult(new WorkflowReply());
            }
            """,
            EndpointKindsCorpus.GeneratedGrpcService,
        });

        Assert.Equal("Endpoint 'WorkflowService.Delete' has no scope requirement: add [RequireScope(...)] (or [AllowAnonymous] if it is public)", finding.GetMessage());
        Assert.Equal("Method", FixTarget(finding));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_FastEndpoints_finding_names_the_class_and_suggests_Configure_calls_without_a_method_fix()
    {
        var finding = await SingleFindingAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using FastEndpoints;

            public sealed class ListWorkflows : EndpointWithoutRequest<string>
            {
                public override void Configure() => Get("/workflows");

                public override Task HandleAsync(CancellationToken ct) => Task.CompletedTask;
            }
            """);

        Assert.Equal("Endpoint 'ListWorkflows' has no scope requirement: add Scopes(...) to Configure() (or AllowAnonymous() if it is public)", finding.GetMessage());
        Assert.Equal("None", FixTarget(finding));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_Razor_Pages_handler_finding_points_at_the_page_model_and_offers_no_method_fix()
    {
        // Razor Pages ignore authorization attributes on handlers (SCOPE007): neither the message nor a fix may send one there.
        var finding = await SingleFindingAsync(
            """
            using Microsoft.AspNetCore.Mvc.RazorPages;

            namespace App.Pages
            {
                public class IndexModel : PageModel
                {
                    public void OnGet() { }
                }
            }
            """,
            new Dictionary<string, string> { ["ScopeGenCheckRazorPages"] = "true" });

        Assert.Equal(
            "Endpoint 'IndexModel.OnGet' has no scope requirement: add [RequireScope(...)] to page model 'IndexModel' (not to the handler) or an AuthorizePage/AuthorizeFolder convention (or [AllowAnonymous] on 'IndexModel' if it is public)",
            finding.GetMessage());
        Assert.Equal("None", FixTarget(finding));
    }
}
