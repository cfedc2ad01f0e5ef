using Microsoft.CodeAnalysis;
using ScopeGen.Testing;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// The route and HTTP method the SCOPE001 fix infers a controller action's scope from
/// (<see cref="MissingScopeRule.ControllerRoute"/>): class route joined to the action's template as MVC does,
/// tokens replaced, the verb from the first HttpXxx attribute.
/// </summary>
public sealed class ControllerRouteTests
{
    private const string Usings = """
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Routing;

        """;

    private static (string? Route, string? Verb) RouteOf(string source, string controller, string action)
    {
        var compilation = TestCompilation.Create(new[] { Usings + source });
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var type = compilation.GetTypeByMetadataName(controller)!;
        var method = type.GetMembers(action).OfType<IMethodSymbol>().Single();
        return MissingScopeRule.ControllerRoute(type, method, KnownTypes.Create(compilation)!);
    }

    [Theory]
    [InlineData("""[HttpGet("{id}")] public IActionResult Act(string id) => Ok(id);""", "api/Tags/{id}", "GET")]
    [InlineData("""[HttpPost] public IActionResult Act() => Ok();""", "api/Tags", "POST")]
    [InlineData("""[HttpPut("{id}")] public IActionResult Act(string id) => Ok(id);""", "api/Tags/{id}", "PUT")]
    [InlineData("""[HttpPatch("{id}")] public IActionResult Act(string id) => Ok(id);""", "api/Tags/{id}", "PATCH")]
    [InlineData("""[HttpDelete("{id}")] public IActionResult Act(string id) => Ok(id);""", "api/Tags/{id}", "DELETE")]
    [InlineData("""[HttpHead] public IActionResult Act() => Ok();""", "api/Tags", "HEAD")]
    // A template that starts with / or ~/ replaces the class route instead of extending it.
    [InlineData("""[HttpGet("/health")] public IActionResult Act() => Ok();""", "/health", "GET")]
    [InlineData("""[HttpGet("~/status")] public IActionResult Act() => Ok();""", "~/status", "GET")]
    // A [Route] after [HttpGet] gives the template but leaves the verb alone.
    [InlineData("""[HttpGet, Route("{id}")] public IActionResult Act(string id) => Ok(id);""", "api/Tags/{id}", "GET")]
    // An attribute that is no route (here one with a string argument) gives no template.
    [InlineData("""[Produces("application/json"), HttpGet("{id}")] public IActionResult Act(string id) => Ok(id);""", "api/Tags/{id}", "GET")]
    [InlineData("""[Route("[action]")] public IActionResult Act() => Ok();""", "api/Tags/Act", null)]
    public void The_class_route_and_the_action_template_make_the_route(string action, string route, string? verb)
    {
        var source = $$"""
            [Route("api/[controller]")]
            public class TagsController : ControllerBase
            {
                {{action}}
            }
            """;

        Assert.Equal((route, verb), RouteOf(source, "TagsController", "Act"));
    }

    [Fact]
    public void The_controller_token_is_the_class_name_without_the_Controller_suffix_only_when_it_has_one()
    {
        var source = """
            [Controller, Route("[controller]/[action]")]
            public class Tags : ControllerBase
            {
                [HttpPost] public IActionResult Create() => Ok();
            }

            [Route("v1/[controller]")]
            public class UsersController : ControllerBase
            {
                [HttpGet] public IActionResult List() => Ok();
            }
            """;

        Assert.Equal(("Tags/Create", "POST"), RouteOf(source, "Tags", "Create"));
        Assert.Equal(("v1/Users", "GET"), RouteOf(source, "UsersController", "List"));
    }

    [Fact]
    public void An_override_takes_template_and_verb_from_the_action_it_overrides()
    {
        // MVC inherits route attributes from the overridden action when the override declares none.
        var source = """
            public abstract class CrudControllerBase : ControllerBase
            {
                [HttpDelete("{id}")]
                public virtual IActionResult Remove(string id) => Ok(id);
            }

            [Route("tags")]
            public class TagsController : CrudControllerBase
            {
                public override IActionResult Remove(string id) => Ok(id);
            }
            """;

        Assert.Equal(("tags/{id}", "DELETE"), RouteOf(source, "TagsController", "Remove"));
    }

    [Fact]
    public void The_most_derived_class_route_wins_and_a_base_class_route_applies_when_the_controller_has_none()
    {
        var source = """
            [Route("api/base")]
            public abstract class ApiControllerBase : ControllerBase
            {
            }

            [Route("api/tags")]
            public class TagsController : ApiControllerBase
            {
                [HttpGet] public IActionResult List() => Ok();
            }

            public class UsersController : ApiControllerBase
            {
                [HttpGet("{id}")] public IActionResult Get(string id) => Ok(id);
            }
            """;

        Assert.Equal(("api/tags", "GET"), RouteOf(source, "TagsController", "List"));
        Assert.Equal(("api/base/{id}", "GET"), RouteOf(source, "UsersController", "Get"));
    }

    [Fact]
    public void A_class_route_attribute_without_a_constant_template_is_passed_over()
    {
        // A custom IRouteTemplateProvider whose template is a property, not a constructor argument: nothing to read,
        // which must not stop the fix from using the action's own template.
        var source = """
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class VersionedRouteAttribute : Attribute, IRouteTemplateProvider
            {
                public string? Template => "v2";
                public int? Order => null;
                public string? Name => null;
            }

            [VersionedRoute]
            public class TagsController : ControllerBase
            {
                [HttpGet("tags")] public IActionResult List() => Ok();
            }
            """;

        var (route, verb) = RouteOf(source, "TagsController", "List");
        Assert.EndsWith("tags", route);
        Assert.Equal("GET", verb);
    }
}
