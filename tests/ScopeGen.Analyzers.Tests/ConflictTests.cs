using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>SCOPE005-007: scope requirements that compile but never run, at the exact attribute or call.</summary>
public class ConflictTests
{
    private static readonly string[] ConflictIds = { "SCOPE005", "SCOPE006", "SCOPE007" };

    public static IReadOnlyList<(string Name, string Source)> Cases { get; } = new List<(string, string)>
    {
        ("interface method", EndpointCorpus.Usings + """
            public interface IWorkflowApi
            {
                [{|SCOPE005:RequireScope(Scopes.Workflow.Read)|}]
                IActionResult Get(string id);
            }

            [ApiController]
            [Route("workflows")]
            public class WorkflowsController : ControllerBase, IWorkflowApi
            {
                [HttpGet("{id}")]
                [RequireScope(Scopes.Workflow.Read)]
                public IActionResult Get(string id) => Ok(id);
            }
            """),
        ("interface method with two requirements: reported once, at the first", EndpointCorpus.Usings + """
            public interface IWorkflowApi
            {
                [{|SCOPE005:RequireScope(Scopes.Workflow.Read)|}]
                [RequireScope(Scopes.Workflow.List)]
                IActionResult Get(string id);
            }
            """),
        ("AllowAnonymous on the controller overrides an action's scope", EndpointCorpus.Usings + """
            [ApiController]
            [AllowAnonymous]
            [Route("workflows")]
            public class WorkflowsController : ControllerBase
            {
                [HttpDelete("{id}")]
                [{|SCOPE006:RequireScope(Scopes.Workflow.Delete)|}]
                public IActionResult Delete(string id) => Ok(id);

                [HttpGet("{id}")]
                public IActionResult Get(string id) => Ok(id);
            }
            """),
        ("AllowAnonymous on a base controller overrides the controller's and the action's scope", EndpointCorpus.Usings + """
            [AllowAnonymous]
            public abstract class PublicControllerBase : ControllerBase { }

            [ApiController]
            [Route("workflows")]
            [{|SCOPE006:RequireScope(Scopes.Workflow.Read)|}]
            public class WorkflowsController : PublicControllerBase
            {
                [HttpGet("{id}")]
                [{|SCOPE006:RequireScope(Scopes.Workflow.Read)|}]
                public IActionResult Get(string id) => Ok(id);
            }
            """),
        ("AllowAnonymous on the action itself is no conflict from farther away", EndpointCorpus.Usings + """
            [ApiController]
            [Route("workflows")]
            [RequireScope(Scopes.Workflow.Read)]
            public class WorkflowsController : ControllerBase
            {
                [HttpGet("{id}")]
                [AllowAnonymous]
                public IActionResult Get(string id) => Ok(id);
            }
            """),
        ("AllowAnonymous route group overrides an endpoint's scope", EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var open = app.MapGroup("/public").AllowAnonymous();
                    open.MapGet("/workflows", () => "x").{|SCOPE006:RequireScope|}(Scopes.Workflow.List);
                    open.MapGet("/tags", [{|SCOPE006:RequireScope(Scopes.Tag.List)|}] () => "x");
                    open.MapGet("/health", () => "ok");
                    app.MapGroup("/api").MapGet("/tags/{id}", (string id) => id).RequireScope(Scopes.Tag.Read);
                }
            }
            """),
        ("AllowAnonymous sixteen conventions back still overrides an endpoint's scope", EndpointCorpus.Usings + $$"""
            public static class Api
            {
                public static void Configure(WebApplication app) =>
                    app.MapGroup("/public").AllowAnonymous(){{EndpointCorpus.Tags(16)}}.MapGet("/workflows", () => "x").{|SCOPE006:RequireScope|}(Scopes.Workflow.List);
            }
            """),
        ("AllowAnonymous seventeen conventions back is beyond the rule's reach", EndpointCorpus.Usings + $$"""
            public static class Api
            {
                public static void Configure(WebApplication app) =>
                    app.MapGroup("/public").AllowAnonymous(){{EndpointCorpus.Tags(17)}}.MapGet("/workflows", () => "x").RequireScope(Scopes.Workflow.List);
            }
            """),
        ("AllowAnonymous sixteen conventions deep in a group local's value is beyond the rule's reach", EndpointCorpus.Usings + $$"""
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var open = app.MapGroup("/public").AllowAnonymous(){{EndpointCorpus.Tags(16)}};
                    open.MapGet("/workflows", () => "x").RequireScope(Scopes.Workflow.List);
                }
            }
            """),
        ("a group local reassigned after AllowAnonymous: no conflict claimed", EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var group = app.MapGroup("/public").AllowAnonymous();
                    group = app.MapGroup("/api");
                    group.MapGet("/workflows", () => "x").RequireScope(Scopes.Workflow.List);
                }
            }
            """),
        ("RequireScope as the sixteenth call of an endpoint's chain is found, as the seventeenth not", EndpointCorpus.Usings + $$"""
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    var open = app.MapGroup("/public").AllowAnonymous();
                    open.MapGet("/a", () => "x"){{EndpointCorpus.Tags(15)}}.{|SCOPE006:RequireScope|}(Scopes.Workflow.List);
                    open.MapGet("/b", () => "x"){{EndpointCorpus.Tags(16)}}.RequireScope(Scopes.Workflow.List);
                }
            }
            """),
        ("AllowAnonymous hub overrides a hub method's scope", """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.SignalR;
            using N8n.Api;

            [AllowAnonymous]
            public class ChatHub : Hub
            {
                [{|SCOPE006:RequireScope(Scopes.Workflow.Activate)|}]
                public string Run(string id) => id;
            }
            """),
        ("scope on controller methods that are no actions", EndpointCorpus.Usings + """
            [ApiController]
            [Route("workflows")]
            [RequireScope(Scopes.Workflow.Read)]
            public class WorkflowsController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(string id) => Load(id);

                [{|SCOPE007:RequireScope(Scopes.Workflow.Delete)|}]
                private IActionResult Load(string id) => Ok(id);

                [NonAction]
                [{|SCOPE007:RequireScope(Scopes.Workflow.Update)|}]
                public IActionResult Helper(string id) => Ok(id);

                [{|SCOPE007:RequireScope(Scopes.Workflow.Update)|}]
                protected IActionResult Guarded(string id) => Ok(id);

                // A static method may be mapped as a minimal-API handler, where the attribute counts.
                [RequireScope(Scopes.Workflow.List)]
                public static string Handler() => "x";
            }
            """),
        ("scope on a hub lifetime callback and a private hub method", """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR;
            using N8n.Api;

            [RequireScope(Scopes.Workflow.Read)]
            public class ChatHub : Hub
            {
                [{|SCOPE007:RequireScope(Scopes.Workflow.Activate)|}]
                public override Task OnConnectedAsync() => base.OnConnectedAsync();

                [{|SCOPE007:RequireScope(Scopes.Workflow.Activate)|}]
                private string Secret() => "x";

                [RequireScope(Scopes.Workflow.Activate)]
                public string Run(string id) => id + Secret();
            }
            """),
        ("scope on a Razor Pages handler", """
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using N8n.Api;

            namespace App.Pages
            {
                [RequireScope(Scopes.Workflow.Read)]
                public class IndexModel : PageModel
                {
                    [{|SCOPE007:RequireScope(Scopes.Workflow.Update)|}]
                    public void OnPost() { }
                }
            }
            """),
        ("scope on a FastEndpoints HandleAsync", """
            using System.Threading;
            using System.Threading.Tasks;
            using FastEndpoints;

            public sealed class ListWorkflows : EndpointWithoutRequest<string>
            {
                public override void Configure()
                {
                    Get("/workflows");
                    Scopes(N8n.Api.Scopes.Workflow.List);
                }

                [{|SCOPE007:N8n.Api.RequireScope(N8n.Api.Scopes.Workflow.List)|}]
                public override Task HandleAsync(CancellationToken ct) => Task.CompletedTask;
            }
            """),
        ("a scope on a method of a plain class says nothing (it may be a handler)", EndpointCorpus.Usings + """
            public class Handlers
            {
                [RequireScope(Scopes.Workflow.List)]
                public string List() => "x";

                [RequireScope(Scopes.Workflow.Read)]
                private string Read() => List();
            }
            """),
    };

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Conflict_shape(string name)
    {
        var source = Cases.Single(c => c.Name == name).Source;
        await AnalyzerHarness.VerifyAsync(new[] { source }, ConflictIds);
    }

    public static TheoryData<string> CorpusCaseNames => new(EndpointCorpus.LibraryCases.Select(c => c.Name));

    // One case per test (not one test looping over the corpus): mutation testing runs only the cases that reach a mutant.
    [Theory]
    [MemberData(nameof(CorpusCaseNames))]
    public async Task The_endpoint_corpus_has_no_conflicts(string name)
    {
        var source = EndpointCorpus.LibraryCases.Single(c => c.Name == name).Source;
        var run = await AnalyzerHarness.RunAsync(new[] { Markup.Parse(source, 0).Source });
        var conflicts = run.Diagnostics.Where(d => ConflictIds.Contains(d.Id)).Select(d => d.Id).ToList();

        // The one corpus shape that is a conflict: its [RequireScope] action never runs it.
        var expected = name == "controller: [AllowAnonymous] class with a [RequireScope] method" ? new[] { "SCOPE006" } : Array.Empty<string>();
        Assert.True(expected.SequenceEqual(conflicts), name + ": " + string.Join("; ", run.Diagnostics.Where(d => ConflictIds.Contains(d.Id))));
    }

    [Fact]
    public async Task Conflicts_carry_help_links_and_severities()
    {
        var source = Cases.Single(c => c.Name == "AllowAnonymous on the controller overrides an action's scope").Source;
        var run = await AnalyzerHarness.RunAsync(new[] { Markup.Parse(source, 0).Source });
        var finding = Assert.Single(run.Diagnostics, d => d.Id == "SCOPE006");
        Assert.Equal(DiagnosticSeverity.Warning, finding.Descriptor.DefaultSeverity);
        Assert.EndsWith("#scope006", finding.Descriptor.HelpLinkUri);
        Assert.Contains("'WorkflowsController.Delete'", finding.GetMessage());
        Assert.Contains("WorkflowsController", finding.GetMessage().Split("AllowAnonymous on ")[1]);
    }
}
