using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// Which strings the scope-argument checks (SCOPE002, SCOPE003) read and which they leave alone: positional
/// and named attribute arguments, explicit arrays, <c>Policy</c> against other named properties, object
/// initializers, parenthesized and computed constants, and the SCOPE001 coverage each form gives.
/// </summary>
public sealed class ScopeArgumentEdgeTests
{
    private static readonly string[] ArgumentIds = { "SCOPE002", "SCOPE003" };

    [Fact]
    public async Task Authorize_reads_its_positional_policy_and_Policy_but_no_other_property()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public class WorkflowsController : ControllerBase
            {
                [Authorize({|SCOPE002:"workflow:craete"|})]
                public IActionResult A() => Ok();

                [Authorize({|SCOPE003:"workflow:read"|})]
                public IActionResult B() => Ok();

                [Authorize(Scopes.Workflow.Read)]
                public IActionResult C() => Ok();

                [Authorize(Roles = "workflow:craete", AuthenticationSchemes = "workflow:read")]
                [AllowAnonymous]
                public IActionResult D() => Ok();

                [Authorize(AuthenticationSchemes = "Bearer", Policy = {|SCOPE002:"tag:reed"|})]
                public IActionResult E() => Ok();

                [Authorize("AdminOnly")]
                [Authorize(Policy = "readOnly")]
                public IActionResult F() => Ok();
            }
            """ }, ArgumentIds);
    }

    [Fact]
    public async Task Explicit_arrays_in_RequireScope_are_read_element_by_element()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public class WorkflowsController : ControllerBase
            {
                [RequireScope(new string[] { Scopes.Workflow.List, {|SCOPE002:"workflow:lst"|}, {|SCOPE003:"workflow:read"|} })]
                public IActionResult List() => Ok();

                [RequireScope(new[] { {|SCOPE003:"tag:list"|} })]
                public IActionResult Tags() => Ok();
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireScope(new[] { {|SCOPE002:"tag:lst"|}, Scopes.Tag.Read });
                    app.MapGet("/b", () => "x").RequireAuthorization(new[] { {|SCOPE002:"tag:delet"|}, "readOnly" });
                }
            }
            """ }, ArgumentIds);
    }

    [Fact]
    public async Task Parenthesized_literals_are_literals_and_computed_constants_are_not()
    {
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public class TagsController : ControllerBase
            {
                [RequireScope({|SCOPE003:("tag:list")|}, (Scopes.Tag.Read))]
                public IActionResult List() => Ok();
            }

            public static class Api
            {
                private const string Resource = "tag";

                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireScope(({|SCOPE003:"tag:list"|}));
                    app.MapGet("/b", () => "x").RequireScope(Resource + ":read");
                    app.MapGet("/c", () => "x").RequireScope({|SCOPE002:Resource + ":reed"|});
                    app.MapGet("/d", () => "x").RequireScope($"{Resource}:list");
                }
            }
            """ }, ArgumentIds);
        var undefined = Assert.Single(run.Diagnostics, d => d.Id == "SCOPE002");
        Assert.Equal("'tag:reed' is not a scope defined in the manifest; did you mean 'tag:read'?", undefined.GetMessage());
        Assert.EndsWith("Scopes.Tag.Read", undefined.Properties[ScopeAnalyzer.ReplacementProperty], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_creations_in_code_are_checked_like_attributes()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").WithMetadata(new AuthorizeAttribute({|SCOPE002:"tag:lst"|}));
                    app.MapGet("/b", () => "x").WithMetadata(new AuthorizeAttribute { Policy = {|SCOPE002:"tag:delet"|} });
                    app.MapGet("/c", () => "x").WithMetadata(new AuthorizeAttribute { Roles = "tag:delet", Policy = {|SCOPE003:"tag:read"|} });
                    app.MapGet("/d", () => "x").RequireAuthorization(new AuthorizeAttribute({|SCOPE003:"tag:list"|}));
                    app.MapGet("/e", () => "x").WithMetadata(new AuthorizeAttribute { Roles = "tag:delet" }).AllowAnonymous();
                    app.MapGet("/f", () => "x").WithMetadata(new RequireScopeAttribute({|SCOPE002:"tag:reed"|}, Scopes.Tag.List));
                }
            }
            """ }, ArgumentIds);
    }

    [Fact]
    public async Task A_policy_that_does_not_look_like_a_scope_is_left_alone_and_one_that_does_is_checked()
    {
        var run = await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireAuthorization("AdminOnly", "readOnly", "full").AllowAnonymous();
                    app.MapGet("/b", () => "x").RequireAuthorization({|SCOPE002:"nothing:here"|}).AllowAnonymous();
                    app.MapGet("/c", () => "x").RequireScope({|SCOPE002:"AdminOnly"|});
                    app.MapGet("/d", () => "x").RequireScope({|SCOPE002:"full"|});
                }
            }
            """ }, ArgumentIds);
        Assert.Equal("'nothing:here' is not a scope defined in the manifest", run.Diagnostics.First(d => d.Id == "SCOPE002").GetMessage());
    }

    [Fact]
    public async Task Each_covering_form_covers_and_each_near_miss_does_not()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireAuthorization(new AuthorizeAttribute(Scopes.Tag.List));
                    app.MapGet("/b", () => "x").RequireAuthorization(new AuthorizeAttribute { Policy = "readOnly" });
                    app.{|SCOPE001:MapGet|}("/c", () => "x").RequireAuthorization(new AuthorizeAttribute("AdminOnly"));
                    app.{|SCOPE001:MapGet|}("/d", () => "x").RequireAuthorization(new AuthorizeAttribute { Roles = "admin" });
                    app.MapGet("/e", () => "x").WithMetadata(new AuthorizeAttribute { Policy = Scopes.Tag.Read });
                    app.{|SCOPE001:MapGet|}("/f", () => "x").WithMetadata(new AuthorizeAttribute());
                    app.MapGet("/g", () => "x").WithMetadata(new EndpointNameMetadata("g"), new AllowAnonymousAttribute());
                    app.MapGet("/h", Handler);
                    app.{|SCOPE001:MapGet|}("/i", Unmarked);
                    app.MapGet("/j", [Authorize("full")] () => "x");
                    app.{|SCOPE001:MapGet|}("/k", [Authorize(Roles = "tag:read")] () => "x");
                    app.{|SCOPE001:MapGet|}("/l", () => "x").RequireAuthorization("AdminOnly", "Other");
                    app.MapGet("/m", () => "x").RequireAuthorization("AdminOnly", Scopes.Tag.Read);
                }

                [RequireScope(Scopes.Tag.Read)]
                private static string Handler() => "x";

                private static string Unmarked() => "x";
            }
            """ }, new[] { "SCOPE001" });
    }

    [Fact]
    public async Task Controller_coverage_comes_from_the_class_its_bases_or_the_action()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            [Authorize(Policy = "readOnly")]
            public class WorkflowsController : ControllerBase
            {
                public IActionResult Get() => Ok();
            }

            [Authorize(Roles = "admin")]
            public class TagsController : ControllerBase
            {
                public IActionResult {|SCOPE001:Get|}() => Ok();

                [Authorize(Scopes.Tag.Create)]
                public IActionResult Create() => Ok();

                [Authorize("AdminOnly")]
                public IActionResult {|SCOPE001:Delete|}() => Ok();
            }

            [Authorize("AdminOnly")]
            public abstract class AdminControllerBase : ControllerBase
            {
            }

            public class UsersController : AdminControllerBase
            {
                public IActionResult {|SCOPE001:Get|}() => Ok();

                [AllowAnonymous]
                public IActionResult Ping() => Ok();
            }
            """ }, new[] { "SCOPE001" });
    }
}
