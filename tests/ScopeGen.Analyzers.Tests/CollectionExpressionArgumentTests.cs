using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// C# 12 collection expressions as the scope array (<c>[RequireScope(["workflow:craete"])]</c>,
/// <c>.RequireScope(["tag:lst"])</c>): each element is checked like a positional argument.
/// </summary>
public sealed class CollectionExpressionArgumentTests
{
    private static readonly string[] ArgumentIds = { "SCOPE002", "SCOPE003" };

    [Fact]
    public async Task Collection_expression_in_RequireScope_attribute_is_read_element_by_element()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public class WorkflowsController : ControllerBase
            {
                [RequireScope([{|SCOPE002:"workflow:craete"|}])]
                public IActionResult Create() => Ok();

                [RequireScope([Scopes.Workflow.List, {|SCOPE003:"workflow:read"|}, {|SCOPE002:"workflow:lst"|}])]
                public IActionResult List() => Ok();

                [RequireScope([Scopes.Workflow.Delete])]
                public IActionResult Delete() => Ok();
            }
            """ }, ArgumentIds);
    }

    [Fact]
    public async Task Collection_expression_in_RequireScope_on_a_lambda_is_read_element_by_element()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", [RequireScope([{|SCOPE002:"tag:lst"|}, {|SCOPE003:"tag:read"|}])] () => "x");
                }
            }
            """ }, ArgumentIds);
    }

    [Fact]
    public async Task Collection_expression_in_RequireScope_and_RequireAuthorization_calls_is_read_element_by_element()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireScope([{|SCOPE002:"tag:lst"|}, Scopes.Tag.Read, {|SCOPE003:"tag:list"|}]);
                    app.MapGet("/b", () => "x").RequireAuthorization([{|SCOPE002:"tag:delet"|}, "readOnly"]);
                }
            }
            """ }, ArgumentIds);
    }

    [Fact]
    public async Task Collection_expressions_in_RequireScope_RequireAuthorization_and_WithMetadata_cover_the_endpoint()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + """
            public class TagsController : ControllerBase
            {
                [RequireScope([Scopes.Tag.List])]
                public IActionResult List() => Ok();

                public IActionResult {|SCOPE001:Other|}() => Ok();
            }

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", () => "x").RequireScope([Scopes.Tag.Read]);
                    app.{|SCOPE001:MapGet|}("/b", () => "x");
                    app.MapGet("/c", () => "x").RequireAuthorization(["AdminOnly", Scopes.Tag.List]);
                    app.{|SCOPE001:MapGet|}("/d", () => "x").RequireAuthorization(["AdminOnly"]);
                    app.MapGet("/e", () => "x").WithMetadata([new EndpointNameMetadata("e"), new RequireScopeAttribute(Scopes.Tag.List)]);
                    app.{|SCOPE001:MapGet|}("/f", () => "x").WithMetadata([new EndpointNameMetadata("f")]);
                }
            }
            """ }, new[] { "SCOPE001", "SCOPE002", "SCOPE003" });
    }
}
