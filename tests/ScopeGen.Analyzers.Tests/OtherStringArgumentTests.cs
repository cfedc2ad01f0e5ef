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
}
