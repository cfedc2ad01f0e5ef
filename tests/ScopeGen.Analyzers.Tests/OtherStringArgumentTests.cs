using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// Strings that look like scopes in attributes and calls that are neither scope nor policy uses (routes,
/// names, tags, messages) are not checked: no SCOPE002 for a scope-like typo, no SCOPE003 for a defined scope.
/// </summary>
public sealed class OtherStringArgumentTests
{
    [Fact]
    public async Task Scope_like_strings_in_other_attributes_are_not_read()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            [Route("tag:read")]
            public class TagsController : ControllerBase
            {
                [HttpGet("tag:read")]
                [Obsolete("workflow:craete")]
                [RequireScope(Scopes.Tag.List)]
                public IActionResult List() => Ok();

                [HttpPost("tag:lst", Name = "tag:create")]
                [RequireScope(Scopes.Tag.Create)]
                public IActionResult Create() => Ok();
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", [EndpointName("tag:read")] [Tags("tag:lst")] () => "x").AllowAnonymous();
                    app.MapGet("/b", () => "x").WithName("tag:list").WithTags("tag:reed").AllowAnonymous();
                }
            }
            """ }, new[] { "SCOPE002", "SCOPE003" });
    }

    [Fact]
    public async Task String_arguments_of_other_constructors_are_not_policies()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").WithMetadata(new InvalidOperationException("workflow:reed"), new Uri("tag:list", UriKind.Relative)).AllowAnonymous();
                    app.MapGet("/b", () => "x").WithMetadata(new AuthorizeAttribute({|SCOPE002:"workflow:reed"|}));
                }
            }
            """ }, new[] { "SCOPE002", "SCOPE003" });
    }

    [Fact]
    public async Task A_RequireScope_explicit_array_holds_scopes_even_unlike_any_scope()
    {
        // Bound on the slow path: each element is a scope, so a name that is no scope at all is SCOPE002 too.
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public class TagsController : ControllerBase
            {
                [RequireScope(new[] { Scopes.Tag.List, {|SCOPE002:"admin"|} })]
                public IActionResult List() => Ok();
            }
            """ }, new[] { "SCOPE002", "SCOPE003" });
    }
}
