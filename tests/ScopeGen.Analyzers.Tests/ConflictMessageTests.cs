using System.Globalization;
using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// What SCOPE005-007 say: the endpoint they name (class and method; HTTP method and route of a minimal API)
/// and why the requirement never runs, per kind of class. The spans are pinned by <see cref="ConflictTests"/>.
/// </summary>
public sealed class ConflictMessageTests
{
    private const string Nothing = "[RequireScope] on '{0}' does nothing: it is {1}";
    private const string Overridden = "The scope requirement of '{0}' never runs: AllowAnonymous on {1} wins over every requirement of the endpoint, however near";

    public static TheoryData<string, string[]> Messages => new()
    {
        {
            "interface method",
            new[] { "SCOPE005 [RequireScope] on interface member 'IWorkflowApi.Get' is never read: ASP.NET Core takes attributes from the implementing class and method, so put it there" }
        },
        {
            "AllowAnonymous on the controller overrides an action's scope",
            new[] { "SCOPE006 " + Format(Overridden, "WorkflowsController.Delete", "WorkflowsController") }
        },
        {
            "AllowAnonymous route group overrides an endpoint's scope",
            new[]
            {
                "SCOPE006 " + Format(Overridden, "GET /workflows", "its route group (.AllowAnonymous())"),
                "SCOPE006 " + Format(Overridden, "GET /tags", "its route group (.AllowAnonymous())"),
            }
        },
        {
            "scope on controller methods that are no actions",
            new[]
            {
                "SCOPE007 " + Format(Nothing, "WorkflowsController.Load", "not an action of controller 'WorkflowsController' (public, not [NonAction])"),
                "SCOPE007 " + Format(Nothing, "WorkflowsController.Helper", "not an action of controller 'WorkflowsController' (public, not [NonAction])"),
                "SCOPE007 " + Format(Nothing, "WorkflowsController.Guarded", "not an action of controller 'WorkflowsController' (public, not [NonAction])"),
            }
        },
        {
            "scope on a hub lifetime callback and a private hub method",
            new[]
            {
                "SCOPE007 " + Format(Nothing, "ChatHub.OnConnectedAsync", "not a method clients can invoke on hub 'ChatHub'"),
                "SCOPE007 " + Format(Nothing, "ChatHub.Secret", "not a method clients can invoke on hub 'ChatHub'"),
            }
        },
        {
            "scope on a Razor Pages handler",
            new[] { "SCOPE007 " + Format(Nothing, "IndexModel.OnPost", "not read on a page handler: Razor Pages take authorization from the page model class") }
        },
        {
            "scope on a FastEndpoints HandleAsync",
            new[] { "SCOPE007 " + Format(Nothing, "ListWorkflows.HandleAsync", "not read on a method of a FastEndpoints endpoint: put it on the class or call Scopes(...) in Configure()") }
        },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Conflict_messages_name_the_endpoint_and_the_reason(string caseName, string[] expected)
    {
        var source = ConflictTests.Cases.Single(c => c.Name == caseName).Source;
        var run = await AnalyzerHarness.RunAsync(new[] { Markup.Parse(source, 0).Source });
        Assert.Equal(expected.Order(StringComparer.Ordinal), Conflicts(run));
    }

    [Fact]
    public async Task A_route_group_conflict_names_the_mapping_method_when_there_is_no_HTTP_method_or_route()
    {
        var run = await AnalyzerHarness.RunAsync(new[] { EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var open = app.MapGroup("/public").AllowAnonymous();
                    open.Map("/raw", (HttpContext context) => context.Response.WriteAsync("x")).RequireScope(Scopes.Tag.List);
                    open.MapFallback(() => "x").RequireScope(Scopes.Tag.Read);
                    open.MapMethods("/m", new[] { "PUT", "GET" }, () => "x").RequireScope(Scopes.Tag.Create);
                }
            }
            """ });
        var expected = new[]
        {
            "SCOPE006 " + Format(Overridden, "Map /raw", "its route group (.AllowAnonymous())"),
            "SCOPE006 " + Format(Overridden, "MapFallback", "its route group (.AllowAnonymous())"),
            "SCOPE006 " + Format(Overridden, "PUT /m", "its route group (.AllowAnonymous())"),
        };
        Assert.Equal(expected.Order(StringComparer.Ordinal), Conflicts(run));
    }

    [Fact]
    public async Task The_nearest_AllowAnonymous_class_is_named_when_a_base_class_has_one_too()
    {
        var run = await AnalyzerHarness.RunAsync(new[] { EndpointCorpus.Usings + """
            [AllowAnonymous]
            public abstract class PublicControllerBase : ControllerBase
            {
            }

            [AllowAnonymous]
            public class WorkflowsController : PublicControllerBase
            {
                [RequireScope(Scopes.Workflow.Delete)]
                [HttpDelete]
                public IActionResult Delete() => Ok();
            }
            """ });
        Assert.Equal(new[] { "SCOPE006 " + Format(Overridden, "WorkflowsController.Delete", "WorkflowsController") }, Conflicts(run));
    }

    [Fact]
    public async Task A_method_that_is_no_endpoint_under_AllowAnonymous_is_only_SCOPE007()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            [AllowAnonymous]
            public class WorkflowsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List() => Ok();

                [{|SCOPE007:RequireScope(Scopes.Workflow.Delete)|}]
                private IActionResult Load() => Ok();
            }
            """ }, new[] { "SCOPE005", "SCOPE006", "SCOPE007" });
    }

    [Fact]
    public async Task A_public_gRPC_method_that_overrides_no_service_method_is_SCOPE007_and_a_service_method_is_not()
    {
        var service = """
            using System.Threading.Tasks;
            using Demo.Grpc;
            using Grpc.Core;
            using N8n.Api;

            [RequireScope(Scopes.Workflow.Read)]
            public sealed class WorkflowsService : Workflows.WorkflowsBase
            {
                [RequireScope(Scopes.Workflow.List)]
                public override Task<WorkflowReply> List(WorkflowRequest request, ServerCallContext context) => Task.FromResult(new WorkflowReply());

                [RequireScope(Scopes.Workflow.Delete)]
                public Task<WorkflowReply> Purge(WorkflowRequest request) => Task.FromResult(new WorkflowReply());
            }
            """;
        var run = await AnalyzerHarness.RunAsync(new[] { service, EndpointKindsCorpus.GeneratedGrpcService });
        Assert.Equal(
            new[] { "SCOPE007 " + Format(Nothing, "WorkflowsService.Purge", "not an override of a service method of 'WorkflowsService'") },
            Conflicts(run));
    }

    private static string Format(string format, params object[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);

    private static IEnumerable<string> Conflicts(AnalysisRun run) => run.Diagnostics
        .Where(d => d.Id is "SCOPE005" or "SCOPE006" or "SCOPE007")
        .Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture))
        .Order(StringComparer.Ordinal)
        .ToList();
}
