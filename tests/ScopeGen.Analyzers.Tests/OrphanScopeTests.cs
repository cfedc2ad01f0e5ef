using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>SCOPE008: scopes the manifest declares that no endpoint requires, reported at their manifest line.</summary>
public class OrphanScopeTests
{
    private const string Manifest = """
        namespace: Demo.Api
        resources:
          report:
            actions:
              read: Read reports.
              export:
                description: Export reports.
                reserved: true
              delete: Delete reports.
              archive: Archive reports.
          audit:
            actions:
              list: List audit entries.
        presets:
          auditors:
            scopes: ["audit:*"]
        """;

    private const string Usings = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Demo.Api;

        """;

    private static async Task<List<string>> OrphansAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var run = await AnalyzerHarness.RunAsync(new[] { source }, Manifest, outputKind);
        return run.Diagnostics.Where(d => d.Id == "SCOPE008").Select(d =>
        {
            var line = d.Location.GetLineSpan();
            return $"{line.Path}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}) {d.GetMessage().Split('\'')[1]}";
        }).ToList();
    }

    [Fact]
    public async Task Unused_unreserved_scopes_are_reported_once_each_at_their_manifest_line()
    {
        var orphans = await OrphansAsync(Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/reports", () => "x").RequireScope(Scopes.Report.Read);
                    app.MapGet("/reports/{id}", (string id) => id).RequireScope(Scopes.Report.Read);
                    app.MapGet("/audit", () => "x").RequireAuthorization("auditors");
                }
            }
            """);

        // report:export is reserved; audit:list is used through the preset policy.
        Assert.Equal(new[] { "/project/n8n.scopes.yaml(9,7) report:delete", "/project/n8n.scopes.yaml(10,7) report:archive" }, orphans);
    }

    [Fact]
    public async Task Attributes_policies_and_FastEndpoints_count_as_uses()
    {
        var orphans = await OrphansAsync(Usings + """
            [ApiController]
            [Route("reports")]
            public class ReportsController : ControllerBase
            {
                [HttpGet]
                [RequireScope(Scopes.Report.Read)]
                public IActionResult List() => Ok();

                [HttpDelete("{id}")]
                [Authorize(Policy = Scopes.Report.Delete)]
                public IActionResult Delete(string id) => Ok();
            }

            public sealed class ArchiveReport : FastEndpoints.EndpointWithoutRequest<string>
            {
                public override void Configure()
                {
                    Post("/reports/archive");
                    Policies(Demo.Api.Scopes.Audit.List);
                    Scopes(Demo.Api.Scopes.Report.Archive);
                }

                public override System.Threading.Tasks.Task HandleAsync(System.Threading.CancellationToken ct) => System.Threading.Tasks.Task.CompletedTask;
            }
            """);

        Assert.Empty(orphans);
    }

    [Fact]
    public async Task A_project_without_endpoints_reports_no_orphans()
    {
        var orphans = await OrphansAsync(Usings + """
            public static class Names
            {
                public static string[] All => System.Linq.Enumerable.ToArray(Scopes.All);
            }
            """);

        Assert.Empty(orphans);
    }

    [Fact]
    public async Task A_project_whose_endpoints_require_nothing_reports_every_unreserved_scope()
    {
        var orphans = await OrphansAsync(Usings + """
            public class ReportsController : ControllerBase
            {
                [AllowAnonymous]
                public IActionResult Get() => Ok();
            }
            """);

        Assert.Equal(new[] { "report:read", "report:delete", "report:archive", "audit:list" }, orphans.Select(o => o.Split(' ')[1]));
    }

    [Fact]
    public async Task A_project_of_minimal_APIs_that_require_nothing_reports_every_unreserved_scope()
    {
        // Its only endpoint is a mapping: that alone makes it a project with endpoints.
        var orphans = await OrphansAsync(Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/health", () => "ok").AllowAnonymous();
                }
            }
            """);

        Assert.Equal(new[] { "report:read", "report:delete", "report:archive", "audit:list" }, orphans.Select(o => o.Split(' ')[1]));
    }

    [Fact]
    public async Task A_scope_required_by_a_route_group_convention_alone_makes_a_project_with_endpoints()
    {
        // No mapping and no controller here: requiring a scope is what shows that the project has endpoints.
        var orphans = await OrphansAsync(Usings + """
            public static class ReportRoutes
            {
                public static Microsoft.AspNetCore.Routing.RouteGroupBuilder ForReports(this Microsoft.AspNetCore.Routing.RouteGroupBuilder group) =>
                    group.RequireScope(Scopes.Report.Read);
            }
            """);

        Assert.Equal(new[] { "report:delete", "report:archive", "audit:list" }, orphans.Select(o => o.Split(' ')[1]));
    }

    [Fact]
    public async Task A_preset_policy_required_by_a_route_group_convention_alone_makes_a_project_with_endpoints()
    {
        var orphans = await OrphansAsync(Usings + """
            public static class AuditRoutes
            {
                public static Microsoft.AspNetCore.Routing.RouteGroupBuilder ForAudit(this Microsoft.AspNetCore.Routing.RouteGroupBuilder group) =>
                    group.RequireAuthorization("auditors");
            }
            """);

        Assert.Equal(new[] { "report:read", "report:delete", "report:archive" }, orphans.Select(o => o.Split(' ')[1]));
    }

    [Fact]
    public async Task FastEndpoints_ScopesAll_counts_as_a_use()
    {
        var orphans = await OrphansAsync(Usings + """
            public sealed class DeleteReport : FastEndpoints.EndpointWithoutRequest<string>
            {
                public override void Configure()
                {
                    Delete("/reports/{id}");
                    ScopesAll(Demo.Api.Scopes.Report.Delete, Demo.Api.Scopes.Report.Read);
                }

                public override System.Threading.Tasks.Task HandleAsync(System.Threading.CancellationToken ct) => System.Threading.Tasks.Task.CompletedTask;
            }
            """);

        Assert.Equal(new[] { "report:archive", "audit:list" }, orphans.Select(o => o.Split(' ')[1]));
    }

    [Fact]
    public async Task A_scope_string_given_to_another_FastEndpoints_method_is_no_use()
    {
        // Roles(...) names roles, not scopes: report:archive is still required by nothing.
        var orphans = await OrphansAsync(Usings + """
            public sealed class ArchiveReport : FastEndpoints.EndpointWithoutRequest<string>
            {
                public override void Configure()
                {
                    Post("/reports/archive");
                    Roles("report:archive");
                    Scopes(Demo.Api.Scopes.Report.Read);
                }

                public override System.Threading.Tasks.Task HandleAsync(System.Threading.CancellationToken ct) => System.Threading.Tasks.Task.CompletedTask;
            }
            """);

        Assert.Equal(new[] { "report:delete", "report:archive", "audit:list" }, orphans.Select(o => o.Split(' ')[1]));
    }

    [Fact]
    public void The_descriptor_is_info_at_compilation_end_with_a_help_link()
    {
        var descriptor = new ScopeAnalyzer().SupportedDiagnostics.Single(d => d.Id == "SCOPE008");
        Assert.Equal(DiagnosticSeverity.Info, descriptor.DefaultSeverity);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, descriptor.CustomTags);
        Assert.EndsWith("#scope008", descriptor.HelpLinkUri);
    }
}
