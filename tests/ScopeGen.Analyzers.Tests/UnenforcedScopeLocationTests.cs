using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// SCOPE004 is reported once per project, at the first use in file order and then by position, whatever order
/// the analyzer sees the uses in; and only for what needs AddScopeAuthorization().
/// </summary>
public class UnenforcedScopeLocationTests
{
    [Fact]
    public async Task The_first_scope_policy_use_is_the_first_file_s_first_not_an_earlier_position_in_a_later_file()
    {
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app)
                        {
                            app.MapGet("/a", () => "x").RequireAuthorization({|SCOPE004:Scopes.Tag.List|});
                            app.MapGet("/b", () => "x").RequireAuthorization("readOnly");
                        }
                    }
                    """,
                EndpointCorpus.Usings + """
                    [Authorize(Policy = Scopes.Tag.Read)] public class TagsController : ControllerBase { public IActionResult Get() => Ok(); }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task A_scope_policy_use_and_a_RequireScope_without_AddScopeAuthorization_give_one_SCOPE004()
    {
        // The policy message is the more specific one; the project still gets a single SCOPE004.
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app)
                        {
                            app.MapGet("/a", () => "x").RequireScope(Scopes.Tag.List);
                            app.MapGet("/b", () => "x").RequireAuthorization({|SCOPE004:"readOnly"|});
                        }
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task The_first_use_is_the_first_file_s_whatever_the_order_of_analysis()
    {
        // Several uses per file, in attributes, calls and object creations; the later files' uses stand at earlier positions.
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                "public static class Empty { }\n",
                EndpointCorpus.Usings + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app)
                        {
                            app.MapGet("/a", () => "x").WithMetadata({|SCOPE004:new RequireScopeAttribute(Scopes.Tag.List)|});
                            app.MapGet("/b", () => "x").RequireScope(Scopes.Tag.Read);
                        }
                    }

                    [RequireScope(Scopes.Tag.Read)] public class TagsController : ControllerBase { public IActionResult Get() => Ok(); }
                    """,
                EndpointCorpus.Usings + """
                    [RequireScope(Scopes.Tag.Read)] public class MoreController : ControllerBase { public IActionResult Get() => Ok(); }
                    """,
                EndpointCorpus.Usings + """
                    public static class More { public static void Map(WebApplication app) => app.MapGet("/c", () => "x").RequireScope(Scopes.Tag.Read); }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task Object_creations_that_are_not_scope_requirements_are_no_use()
    {
        var run = await AnalyzerHarness.RunAsync(new[]
        {
            EndpointCorpus.Usings + """
                public static class Api
                {
                    public static void Configure(WebApplication app)
                    {
                        app.MapGet("/a", () => new object()).WithMetadata(new AuthorizeAttribute("AdminOnly")).AllowAnonymous();
                    }
                }
                """,
        });
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SCOPE004");
    }
}
