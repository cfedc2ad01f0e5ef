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

    [Fact]
    public async Task With_two_RequireScope_attributes_the_use_is_the_first_of_them_not_another_attribute()
    {
        // Two [RequireScope] on one symbol take the walk over all its attributes rather than the lone-attribute shortcut.
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + """
                    [Route("tags")]
                    [{|SCOPE004:RequireScope(Scopes.Tag.Read)|}]
                    [RequireScope(Scopes.Tag.List)]
                    public class TagsController : ControllerBase
                    {
                        public IActionResult Get() => Ok();
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task AddScopeAuthorization_seen_after_a_use_still_silences_SCOPE004()
    {
        // Operations of one method are analyzed in order: the use is noted before the registration is seen.
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                EndpointCorpus.Usings + "using Microsoft.Extensions.DependencyInjection;\n" + """
                    public static class Api
                    {
                        public static void Configure(WebApplication app, IServiceCollection services)
                        {
                            app.MapGet("/a", () => "x").RequireScope(Scopes.Tag.List);
                            services.AddScopeAuthorization();
                        }
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }

    [Fact]
    public async Task A_RequireScope_on_the_generated_part_of_a_partial_class_is_not_the_reported_use()
    {
        // The driver analyzes the class for its hand-written part; the attribute's location is in the generated file,
        // which comes first in the compilation, yet the diagnostic goes to the first use in user code.
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                "// <auto-generated/>\n" + EndpointCorpus.Usings + """
                    [RequireScope(Scopes.Tag.Read)]
                    public partial class TagsController
                    {
                    }
                    """,
                EndpointCorpus.Usings + """
                    public partial class TagsController : ControllerBase
                    {
                        public IActionResult Get() => Ok();
                    }

                    public static class Api
                    {
                        public static void Configure(WebApplication app) => app.MapGet("/a", () => "x").{|SCOPE004:RequireScope|}(Scopes.Tag.List);
                    }
                    """,
            },
            new[] { "SCOPE004" });
    }
}
