using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>SCOPE002 (undefined scope), SCOPE003 (literal scope), SCOPE004 (never enforced).</summary>
public class ScopeArgumentTests
{
    [Fact]
    public async Task Null_and_explicit_array_arguments_are_read_without_throwing()
    {
        // Regression: a null params array has no TypedConstant.Values, and an explicit array cannot be
        // paired with its syntax from the attribute data (found by the analyzer fuzz test).
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            #nullable disable
            public class WorkflowsController : ControllerBase
            {
                [RequireScope(null)]
                [Authorize(Policy = null)]
                public IActionResult Get() => Ok();

                [RequireScope(new[] { Scopes.Workflow.List, {|SCOPE002:"workflow:lst"|} })]
                public IActionResult List() => Ok();
            }
            """ }, new[] { "SCOPE002" });
        Assert.Single(run.Diagnostics, d => d.Id == "SCOPE002");
    }

    [Fact]
    public async Task Every_RequireScope_of_a_symbol_is_checked_not_only_the_first()
    {
        // A symbol's lone [RequireScope] takes a shortcut (OwnAttributes); a second one, or an [Authorize] beside it, must still be read.
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            [RequireScope(Scopes.Workflow.Read)]
            [RequireScope({|SCOPE002:"workflow:reed"|})]
            public class WorkflowsController : ControllerBase
            {
                [RequireScope(Scopes.Workflow.List)]
                [RequireScope({|SCOPE003:"workflow:list"|})]
                public IActionResult List() => Ok();

                [RequireScope(Scopes.Workflow.Read)]
                [Authorize(Policy = {|SCOPE002:"workflow:reed"|})]
                public IActionResult Get() => Ok();

                // An attribute that is no authorization beside them: still two authorization attributes to read.
                [HttpDelete]
                [RequireScope(Scopes.Workflow.Delete)]
                [Authorize(Policy = {|SCOPE002:"workflow:delet"|})]
                public IActionResult Delete() => Ok();
            }
            """ }, new[] { "SCOPE002", "SCOPE003" });
        Assert.Equal(4, run.Diagnostics.Count(d => d.Id is "SCOPE002" or "SCOPE003"));
    }

    [Fact]
    public async Task Constructor_arguments_passed_by_name_are_checked_too()
    {
        // `anyOf:` and `policy:` name the constructor's parameter: the same scope or policy as a positional argument.
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public class WorkflowsController : ControllerBase
            {
                [RequireScope(anyOf: {|SCOPE002:"workflow:lst"|})]
                public IActionResult List() => Ok();

                [RequireScope(anyOf: new[] { Scopes.Workflow.Read, {|SCOPE003:"workflow:create"|} })]
                public IActionResult Create() => Ok();

                [Authorize(policy: {|SCOPE002:"workflow:reed"|})]
                public IActionResult Get() => Ok();

                [RequireScope(Scopes.Workflow.Delete, Roles = "workflow:delte")]
                public IActionResult Delete() => Ok();
            }
            """ }, new[] { "SCOPE002", "SCOPE003" });
        Assert.Equal(3, run.Diagnostics.Count(d => d.Id is "SCOPE002" or "SCOPE003"));
    }

    [Fact]
    public async Task Only_string_and_string_array_parameters_of_a_RequireScope_method_are_scopes()
    {
        // The analyzer knows .RequireScope(...) by its names (ScopeGenEndpointConventionBuilderExtensions), so an
        // application's own overload is read too, but a parameter of another type (here a list of tags, even as a
        // collection expression) holds no scopes, and a string left at its default value is written nowhere to report.
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            using System.Collections.Generic;
            using Tagging;

            namespace Tagging
            {
                public static class ScopeGenEndpointConventionBuilderExtensions
                {
                    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope, IEnumerable<string> tags, string fallback = "tag:reed")
                        where TBuilder : IEndpointConventionBuilder => builder;
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/tags", () => "ok").RequireScope({|SCOPE002:"tag:lst"|}, ["tag:lst", "tag:reed"]);
                }
            }
            """ }, new[] { "SCOPE002", "SCOPE003" });
        Assert.Single(run.Diagnostics, d => d.Id is "SCOPE002" or "SCOPE003");
    }

    [Fact]
    public async Task Undefined_scopes_in_every_position_with_did_you_mean()
    {
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            [RequireScope({|SCOPE002:"workflow:craete"|})]
            public class WorkflowsController : ControllerBase
            {
                [Authorize(Policy = {|SCOPE002:"workflow:reed"|})]
                public IActionResult Get() => Ok();

                [Authorize(Policy = "AdminOnly")]
                [RequireScope(Scopes.Workflow.List, {|SCOPE002:"nothing:close"|})]
                public IActionResult List() => Ok();
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireScope({|SCOPE002:"tag:lst"|});
                    app.MapGet("/b", () => "x").RequireAuthorization({|SCOPE002:"tag:delet"|}, "readOnly");
                    app.MapGet("/c", () => "x").WithMetadata(new RequireScopeAttribute({|SCOPE002:"readOnly"|}));
                    app.MapGet("/d", () => "x").RequireScope({|SCOPE002:Undefined|});
                }

                private const string Undefined = "user:craete";
            }
            """ }, new[] { "SCOPE002" });
        var messages = run.Diagnostics.Where(d => d.Id == "SCOPE002").Select(d => d.GetMessage()).ToList();
        Assert.Contains("'workflow:craete' is not a scope defined in the manifest; did you mean 'workflow:create'?", messages);
        Assert.Contains("'nothing:close' is not a scope defined in the manifest", messages);
        Assert.Contains("'user:craete' is not a scope defined in the manifest; did you mean 'user:create'?", messages);
        Assert.All(run.Diagnostics.Where(d => d.Id == "SCOPE002"), d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
    }

    [Fact]
    public async Task Literal_scopes_are_info_and_constants_are_not_reported()
    {
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            [RequireScope({|SCOPE003:"workflow:create"|})]
            public class WorkflowsController : ControllerBase
            {
                [RequireScope(Scopes.Workflow.Read)]
                [Authorize(Policy = {|SCOPE003:"workflow:list"|})]
                public IActionResult Get() => Ok();
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireScope({|SCOPE003:"tag:list"|}, Scopes.Tag.Read);
                    app.MapGet("/b", () => "x").RequireAuthorization("readOnly");
                }
            }
            """ }, new[] { "SCOPE003" });
        var first = run.Diagnostics.First(d => d.Id == "SCOPE003");
        Assert.Equal(DiagnosticSeverity.Info, first.DefaultSeverity);
        Assert.Equal("Use the constant Scopes.Workflow.Create instead of the string literal \"workflow:create\"", first.GetMessage());
    }

    [Fact]
    public async Task Scope_requirements_without_authorization_services_are_reported_once_on_the_first_use()
    {
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app)
                        {
                            app.MapGet("/a", () => "x").{|SCOPE004:RequireScope|}(Scopes.Tag.List);
                        }
                    }
                    """,
                EndpointCorpus.Usings + """
                    [RequireScope(Scopes.Tag.Read)]
                    public class TagsController : ControllerBase
                    {
                        public IActionResult Get() => Ok();
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task The_first_use_is_the_first_by_position_even_inside_a_later_call()
    {
        // The lambda's attribute stands before the .RequireScope() name that encloses it.
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app)
                        {
                            app.MapPost("/a", [{|SCOPE004:RequireScope(Scopes.Tag.Create)|}] () => "x").RequireScope(Scopes.Tag.List);
                        }
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task A_use_written_only_through_an_alias_declared_in_another_file_is_found()
    {
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                "global using Scoped = N8n.Api.RequireScopeAttribute;\n",
                EndpointCorpus.Usings + """
                    [{|SCOPE004:Scoped(Scopes.Tag.Read)|}]
                    public class TagsController : ControllerBase
                    {
                        public IActionResult Get() => Ok();
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task AddScopeAuthorization_in_another_file_silences_SCOPE004()
    {
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app) => app.MapGet("/a", () => "x").RequireScope(Scopes.Tag.List);
                    }
                    """,
                EndpointCorpus.Usings + "using Microsoft.Extensions.DependencyInjection;\n" + """
                    public static class Services
                    {
                        public static void Add(IServiceCollection services) => services.AddScopeAuthorization();
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Theory]
    [InlineData("services.AddAuthorization();")]
    [InlineData("services.AddAuthorizationCore();")]
    [InlineData("services.AddControllers();")] // registers authorization, not the provider that resolves RequireScope's policy
    [InlineData("services.AddControllersWithViews();")]
    [InlineData("services.AddMvc();")]
    [InlineData("services.AddRazorPages();")]
    public async Task Registering_authorization_without_AddScopeAuthorization_is_still_SCOPE004(string registration)
    {
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app) => app.MapGet("/a", () => "x").{|SCOPE004:RequireScope|}(Scopes.Tag.List);
                    }
                    """,
                EndpointCorpus.Usings + "using Microsoft.Extensions.DependencyInjection;\n" + $$"""
                    public static class Services
                    {
                        public static void Add(IServiceCollection services) => {{registration}}
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task Nothing_is_reported_without_ASP_NET_Core()
    {
        var compilationWithoutAspNet = await AnalyzerHarness.RunAsync(
            new[] { "public static class Program { public static string Scope => \"workflow:craete\"; }" },
            configure: c => c.WithReferences(ScopeGen.Testing.TestCompilation.NetCoreReferences));
        Assert.Empty(compilationWithoutAspNet.Diagnostics);
    }

    [Fact]
    public async Task SCOPE004_without_AddScopeAuthorization_says_what_is_missing_and_what_fails()
    {
        var run = await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app) => app.MapGet("/a", () => "x").{|SCOPE004:RequireScope|}(Scopes.Tag.List);
                    }
                    """,
            },
            new[] { "SCOPE004" });
        Assert.Equal(
            "This project requires scopes but no code calls AddScopeAuthorization(), the only registration of the policy provider that resolves [RequireScope] and .RequireScope() (AddAuthorization or AddControllers alone do not), so its scoped endpoints answer 500 (policy not found): call services.AddScopeAuthorization()",
            Assert.Single(run.Diagnostics, d => d.Id == "SCOPE004").GetMessage());
    }

    [Theory]
    [InlineData("services.AddControllers();")]
    [InlineData("services.AddAuthorization();")]
    public async Task A_scope_or_preset_policy_without_AddScopeAuthorization_is_SCOPE004_even_when_authorization_is_registered(string registration)
    {
        // AddControllers() and AddAuthorization() register the services but not the manifest's named
        // policies: RequireAuthorization("readOnly") then fails at run time (policy not found).
        var run = await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app)
                        {
                            app.MapGet("/a", () => "x").RequireScope(Scopes.Tag.List);
                            app.MapGet("/b", () => "x").RequireAuthorization({|SCOPE004:"readOnly"|});
                            app.MapGet("/c", () => "x").RequireAuthorization("AdminOnly");
                        }
                    }
                    """,
                EndpointCorpus.Usings + "using Microsoft.Extensions.DependencyInjection;\n" + $$"""
                    public static class Services
                    {
                        public static void Add(IServiceCollection services) => {{registration}}
                    }
                    """,
            },
            new[] { "SCOPE004" });
        Assert.Equal(
            "Policy 'readOnly' is registered only by AddScopeAuthorization(), which no code in this project calls, so this endpoint fails with 500 (policy not found): call services.AddScopeAuthorization()",
            Assert.Single(run.Diagnostics, d => d.Id == "SCOPE004").GetMessage());
    }

    [Fact]
    public async Task A_scope_written_as_a_literal_policy_name_counts_as_a_scope_policy_for_SCOPE004()
    {
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public class TagsController : ControllerBase
                    {
                        [Authorize(Policy = {|SCOPE004:"tag:read"|})]
                        public IActionResult Get() => Ok();
                    }
                    """,
                EndpointCorpus.Usings + "using Microsoft.Extensions.DependencyInjection;\n" + """
                    public static class Services
                    {
                        public static void Add(IServiceCollection services) => services.AddControllers();
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Theory]
    [InlineData("services.AddScopeAuthorization();")]
    [InlineData("services.AddAuthorization(o => o.AddPolicy(\"readOnly\", p => p.RequireAuthenticatedUser()));")]
    public async Task A_scope_or_preset_policy_is_fine_once_registered(string registration)
    {
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public class TagsController : ControllerBase
                    {
                        [Authorize(Policy = "readOnly")]
                        public IActionResult Get() => Ok();
                    }
                    """,
                EndpointCorpus.Usings + "using Microsoft.Extensions.DependencyInjection;\n" + $$"""
                    public static class Services
                    {
                        public static void Add(IServiceCollection services) => {{registration}}
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task A_policy_name_one_typo_from_a_preset_gets_did_you_mean()
    {
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireAuthorization({|SCOPE002:"readonIy"|});
                    app.MapGet("/b", [Authorize({|SCOPE002:"ful"|})] () => "x");
                    app.MapGet("/c", () => "x").RequireAuthorization("ReadOnly");   // ASP.NET Core finds policies ignoring case
                    app.MapGet("/d", () => "x").RequireAuthorization("AdminOnly");  // the app's own policy: nothing close
                }
            }
            """ }, new[] { "SCOPE002" });
        var messages = run.Diagnostics.Where(d => d.Id == "SCOPE002").Select(d => d.GetMessage()).ToList();
        Assert.Contains("'readonIy' is not a scope or preset defined in the manifest; did you mean 'readOnly'?", messages);
        Assert.Contains("'ful' is not a scope or preset defined in the manifest; did you mean 'full'?", messages);
    }
}
