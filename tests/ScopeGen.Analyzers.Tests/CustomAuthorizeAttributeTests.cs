using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// An application's own <c>IAuthorizeData</c> attribute whose constructor takes more than the policy: only the
/// first positional argument (the policy, as in <c>[Authorize(policy)]</c>) and <c>Policy = ...</c> are policy
/// names; the other arguments are the attribute's own business.
/// </summary>
public sealed class CustomAuthorizeAttributeTests
{
    private const string Attribute = """

        public sealed class AuditedAuthorizeAttribute : Attribute, IAuthorizeData
        {
            public AuditedAuthorizeAttribute(string policy, string auditCategory) => Policy = policy;

            public string? Policy { get; set; }

            public string? Roles { get; set; }

            public string? AuthenticationSchemes { get; set; }
        }

        """;

    [Fact]
    public async Task Only_the_first_positional_argument_and_Policy_are_policy_names()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + Attribute + """
            public class TagsController : ControllerBase
            {
                [AuditedAuthorize({|SCOPE002:"tag:reed"|}, "tag:reed")]
                public IActionResult A() => Ok();

                [AuditedAuthorize({|SCOPE003:"tag:read"|}, "tag:lst")]
                public IActionResult B() => Ok();

                [AuditedAuthorize(Scopes.Tag.List, "tag:lst", Roles = "tag:lst", Policy = {|SCOPE002:"tag:lst"|})]
                public IActionResult C() => Ok();

                [AuditedAuthorize("AdminOnly", "workflow:craete")]
                [AllowAnonymous]
                public IActionResult D() => Ok();
            }
            """ }, new[] { "SCOPE002", "SCOPE003" });
    }

    /// <summary>
    /// Constructor arguments named with a colon may come in any order: the one named <c>policy:</c> is the policy,
    /// and another named first is not (these forms go to the binding path: two constructor arguments).
    /// </summary>
    [Fact]
    public async Task The_argument_named_policy_is_the_policy_wherever_it_stands()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + Attribute + """
            public class TagsController : ControllerBase
            {
                [AuditedAuthorize(auditCategory: "tag:lst", policy: {|SCOPE002:"tag:reed"|})]
                public IActionResult A() => Ok();

                [AuditedAuthorize(policy: Scopes.Tag.List, auditCategory: "tag:lst")]
                public IActionResult B() => Ok();
            }
            """ }, new[] { "SCOPE002", "SCOPE003" });
    }

    [Fact]
    public async Task A_scope_policy_in_the_first_argument_covers_the_action_and_the_second_does_not()
    {
        await AnalyzerHarness.VerifyAsync(new[] { EndpointCorpus.Usings + Attribute + """
            public class TagsController : ControllerBase
            {
                [AuditedAuthorize(Scopes.Tag.List, "audit")]
                public IActionResult List() => Ok();

                [AuditedAuthorize("audit", Scopes.Tag.Read)]
                public IActionResult {|SCOPE001:Read|}() => Ok();
            }
            """ }, new[] { "SCOPE001" });
    }
}
