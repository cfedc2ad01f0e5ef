using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ScopeGen.Analyzers.Tests.Helpers;
using ScopeGen.Testing;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// SCOPE001 for actions a controller inherits: from a base class in a referenced assembly (which MVC also turns
/// into actions of the controller), and not for a base action the controller overrides and covers itself.
/// </summary>
public sealed class InheritedActionTests
{
    /// <summary>A base controller with a public action, compiled into its own assembly and referenced as metadata.</summary>
    private static readonly MetadataReference BaseLibrary = CompileLibrary("""
        using Microsoft.AspNetCore.Mvc;

        namespace Shared.Web
        {
            public abstract class ApiControllerBase : ControllerBase
            {
                [HttpGet("ping")]
                public IActionResult Ping() => Ok();

                [NonAction]
                public IActionResult Helper() => Ok();
            }
        }
        """);

    [Fact]
    public async Task An_action_inherited_from_a_referenced_assembly_is_reported_on_an_uncovered_controller()
    {
        var run = await AnalyzerHarness.VerifyAsync(
            new[] { EndpointCorpus.Usings + """
                [Route("tags")]
                public class {|SCOPE001:TagsController|} : Shared.Web.ApiControllerBase
                {
                    [RequireScope(Scopes.Tag.List)]
                    public IActionResult List() => Ok();
                }

                [RequireScope(Scopes.User.Read)]
                public class UsersController : Shared.Web.ApiControllerBase
                {
                }
                """ },
            new[] { "SCOPE001" },
            configure: compilation => compilation.AddReferences(BaseLibrary));
        var missing = Assert.Single(run.Diagnostics, d => d.Id == "SCOPE001");
        Assert.Contains("'TagsController.Ping' (inherited from 'ApiControllerBase')", missing.GetMessage());
    }

    [Fact]
    public async Task A_base_action_the_controller_overrides_and_covers_is_not_reported()
    {
        var run = await AnalyzerHarness.VerifyAsync(
            new[] { EndpointCorpus.Usings + """
                public abstract class CrudControllerBase : ControllerBase
                {
                    [HttpGet]
                    public virtual IActionResult List() => Ok();

                    [HttpDelete("{id}")]
                    public virtual IActionResult Delete(string id) => Ok(id);
                }

                [Route("tags")]
                public class {|SCOPE001:TagsController|} : CrudControllerBase
                {
                    [RequireScope(Scopes.Tag.List)]
                    public override IActionResult List() => Ok();
                }
                """ },
            new[] { "SCOPE001" });

        // The finding is the base action left as it is; the overridden one is not named.
        var missing = Assert.Single(run.Diagnostics, d => d.Id == "SCOPE001");
        Assert.Contains("'TagsController.Delete' (inherited from 'CrudControllerBase')", missing.GetMessage());
        Assert.DoesNotContain("TagsController.List", missing.GetMessage());
    }

    [Fact]
    public async Task A_controller_that_overrides_and_covers_every_base_action_is_not_reported()
    {
        // Each override replaces its base action: none of the base's uncovered actions is left to report.
        await AnalyzerHarness.VerifyAsync(
            new[] { EndpointCorpus.Usings + """
                public abstract class CrudControllerBase : ControllerBase
                {
                    [HttpGet]
                    public virtual IActionResult List() => Ok();

                    [HttpDelete("{id}")]
                    public virtual IActionResult Delete(string id) => Ok(id);
                }

                [Route("tags")]
                public class TagsController : CrudControllerBase
                {
                    [RequireScope(Scopes.Tag.List)]
                    public override IActionResult List() => Ok();

                    [RequireScope(Scopes.Tag.Delete)]
                    public override IActionResult Delete(string id) => Ok(id);
                }
                """ },
            new[] { "SCOPE001" });
    }

    [Fact]
    public async Task A_base_action_overridden_and_covered_by_an_intermediate_base_is_not_reported()
    {
        // The controller inherits ScopedCrudControllerBase.List (covered); CrudControllerBase.List, which it
        // overrides, is no action of the controller. Delete is inherited as it is and uncovered.
        var run = await AnalyzerHarness.VerifyAsync(
            new[] { EndpointCorpus.Usings + """
                public abstract class CrudControllerBase : ControllerBase
                {
                    [HttpGet]
                    public virtual IActionResult List() => Ok();

                    [HttpDelete("{id}")]
                    public IActionResult Delete(string id) => Ok(id);
                }

                public abstract class ScopedCrudControllerBase : CrudControllerBase
                {
                    [RequireScope(Scopes.Tag.List)]
                    public override IActionResult List() => Ok();
                }

                [Route("tags")]
                public class {|SCOPE001:TagsController|} : ScopedCrudControllerBase
                {
                }
                """ },
            new[] { "SCOPE001" });
        var missing = Assert.Single(run.Diagnostics, d => d.Id == "SCOPE001");
        Assert.Contains("'TagsController.Delete' (inherited from 'CrudControllerBase')", missing.GetMessage());
    }

    [Fact]
    public async Task Every_action_inherited_from_a_referenced_assembly_is_reported()
    {
        var library = CompileLibrary("""
            using Microsoft.AspNetCore.Mvc;

            namespace Shared.Web
            {
                public abstract class CrudControllerBase : ControllerBase
                {
                    [HttpGet]
                    public IActionResult List() => Ok();

                    [HttpDelete("{id}")]
                    public IActionResult Delete(string id) => Ok(id);
                }
            }
            """);
        var run = await AnalyzerHarness.RunAsync(
            new[] { EndpointCorpus.Usings + """
                [Route("tags")]
                public class TagsController : Shared.Web.CrudControllerBase
                {
                }
                """ },
            configure: compilation => compilation.AddReferences(library));
        var messages = run.Diagnostics.Where(d => d.Id == "SCOPE001").Select(d => d.GetMessage()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, messages.Length);
        Assert.StartsWith("Endpoint 'TagsController.Delete' (inherited from 'CrudControllerBase')", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("Endpoint 'TagsController.List' (inherited from 'CrudControllerBase')", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_of_a_base_method_marked_NonAction_is_no_action()
    {
        // MVC reads [NonAction] from the overridden method too (it is inherited).
        await AnalyzerHarness.VerifyAsync(
            new[] { EndpointCorpus.Usings + """
                public abstract class ApiControllerBase : ControllerBase
                {
                    [NonAction]
                    public virtual IActionResult Helper() => Ok();
                }

                [Route("tags")]
                [RequireScope(Scopes.Tag.List)]
                public class TagsController : ApiControllerBase
                {
                }

                [Route("users")]
                public class UsersController : ApiControllerBase
                {
                    public override IActionResult Helper() => Ok();

                    [RequireScope(Scopes.User.List)]
                    public IActionResult List() => Ok();
                }
                """ },
            new[] { "SCOPE001" });
    }

    [Fact]
    public async Task An_override_of_a_base_action_is_an_action_of_its_own()
    {
        // The base method's other attributes ([HttpGet]) do not make the override a non-action.
        await AnalyzerHarness.VerifyAsync(
            new[] { EndpointCorpus.Usings + """
                public abstract class CrudControllerBase : ControllerBase
                {
                    [HttpGet]
                    [Produces("application/json")]
                    public virtual IActionResult List() => Ok();
                }

                [Route("users")]
                public class UsersController : CrudControllerBase
                {
                    public override IActionResult {|SCOPE001:List|}() => Ok();
                }
                """ },
            new[] { "SCOPE001" });
    }

    private static MetadataReference CompileLibrary(string source) => MetadataLibrary.Compile(source, "Shared.Web");
}
