using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.AspNetCore.Tests.Api;

namespace ScopeGen.AspNetCore.Tests.Handler;

/// <summary>The generated handler on hand-built principals: the semantics docs/aspnetcore.md lists, one by one.</summary>
public sealed class ScopeRequirementTests
{
    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "test"));

    [Theory]
    [InlineData("report:read", "report:read", true)]
    [InlineData("report:read report:list", "report:list", true)]
    [InlineData("report:list report:read", "report:list", true)]
    [InlineData("a:b report:read c:d", "report:read", true)]
    [InlineData("report:readx report:read", "report:read", true)]
    [InlineData("  report:read  ", "report:read", true)]
    [InlineData("Report:read", "report:read", false)]
    [InlineData("report:READ", "report:read", false)]
    [InlineData("report:rea", "report:read", false)]
    [InlineData("report:readX", "report:read", false)]
    [InlineData("xreport:read", "report:read", false)]
    [InlineData("report:*", "report:read", false)]
    [InlineData("*", "report:read", false)]
    [InlineData("*:read", "report:read", false)]
    [InlineData("report:list,report:read", "report:read", false)]
    [InlineData("report:list\treport:read", "report:read", false)]
    [InlineData("report:list\nreport:read", "report:read", false)]
    [InlineData("report:list\u00A0report:read", "report:read", false)]
    [InlineData("report:read\u0000", "report:read", false)]
    [InlineData("", "report:read", false)]
    [InlineData(null, "report:read", false)]
    [InlineData("report:read", "", false)]
    public void ContainsScope_matches_whole_space_delimited_items_ordinally(string? granted, string required, bool expected)
    {
        Assert.Equal(expected, ScopeRequirement.ContainsScope(granted, required));
    }

    [Fact]
    public void A_space_delimited_claim_grants_each_of_its_scopes()
    {
        var user = User(("scope", "report:read report:list"));
        Assert.True(new ScopeRequirement(Scopes.Report.List).IsSatisfiedBy(user));
        Assert.True(new ScopeRequirement(Scopes.Report.Read).IsSatisfiedBy(user));
        Assert.False(new ScopeRequirement(Scopes.Report.Create).IsSatisfiedBy(user));
    }

    [Fact]
    public void Several_claims_and_both_default_claim_types_add_up()
    {
        var user = User(("scope", "report:read"), ("scope", "report:list"), ("scp", "apiKey:rotate"));
        Assert.True(new ScopeRequirement(Scopes.Report.List).IsSatisfiedBy(user));
        Assert.True(new ScopeRequirement(Scopes.ApiKey.Rotate).IsSatisfiedBy(user));
        Assert.False(new ScopeRequirement(Scopes.ApiKey.List).IsSatisfiedBy(user));
    }

    [Theory]
    [InlineData("scope", true)]
    [InlineData("scp", true)]
    [InlineData("Scope", false)]
    [InlineData("SCP", false)]
    [InlineData("scopes", false)]
    [InlineData("http://schemas.microsoft.com/identity/claims/scope", true)]
    [InlineData("http://schemas.microsoft.com/identity/claims/Scope", false)]
    [InlineData("roles", false)]
    public void Only_the_configured_claim_types_grant_scopes(string claimType, bool expected)
    {
        Assert.Equal(expected, new ScopeRequirement(Scopes.Report.Read).IsSatisfiedBy(User((claimType, "report:read"))));
    }

    [Fact]
    public void Configured_claim_types_replace_the_defaults()
    {
        var options = new ScopeAuthorizationOptions();
        options.ClaimTypes.Clear();
        options.ClaimTypes.Add("permissions");
        var requirement = new ScopeRequirement(Scopes.Report.Read);

        Assert.True(requirement.IsSatisfiedBy(User(("permissions", "report:read")), options));
        Assert.False(requirement.IsSatisfiedBy(User(("scope", "report:read")), options));

        options.ClaimTypes.Clear();
        Assert.False(requirement.IsSatisfiedBy(User(("permissions", "report:read")), options));
    }

    [Fact]
    public void Any_of_inside_one_requirement()
    {
        var requirement = new ScopeRequirement(Scopes.Report.Create, Scopes.Report.Delete);
        Assert.True(requirement.IsSatisfiedBy(User(("scope", "report:delete"))));
        Assert.True(requirement.IsSatisfiedBy(User(("scope", "report:create"))));
        Assert.False(requirement.IsSatisfiedBy(User(("scope", "report:read report:list"))));
        Assert.Equal(new[] { "report:create", "report:delete" }, requirement.AnyOf);
    }

    [Fact]
    public void A_granted_scope_the_manifest_does_not_define_is_ignored()
    {
        Assert.True(new ScopeRequirement(Scopes.Report.Read).IsSatisfiedBy(User(("scope", "made:up report:read other:thing"))));
        Assert.False(new ScopeRequirement(Scopes.Report.Read).IsSatisfiedBy(User(("scope", "made:up"))));
    }

    [Fact]
    public void Claims_of_an_unauthenticated_identity_grant_nothing()
    {
        var anonymous = new ClaimsIdentity(new[] { new Claim("scope", "report:read") });
        Assert.False(new ScopeRequirement(Scopes.Report.Read).IsSatisfiedBy(new ClaimsPrincipal(anonymous)));

        var mixed = new ClaimsPrincipal(new[] { anonymous, new ClaimsIdentity(new[] { new Claim("scope", "report:list") }, "test") });
        Assert.False(new ScopeRequirement(Scopes.Report.Read).IsSatisfiedBy(mixed));
        Assert.True(new ScopeRequirement(Scopes.Report.List).IsSatisfiedBy(mixed));
        Assert.False(new ScopeRequirement(Scopes.Report.Read).IsSatisfiedBy(null));
    }

    [Fact]
    public void Identities_that_do_not_expose_lists_are_checked_too()
    {
        var user = new ClaimsPrincipal(new IteratorIdentity(new Claim("scope", "report:read")));
        Assert.True(new ScopeRequirement(Scopes.Report.Read).IsSatisfiedBy(user));
        Assert.False(new ScopeRequirement(Scopes.Report.List).IsSatisfiedBy(user));
    }

    public static TheoryData<string[]> InvalidRequirements() => new()
    {
        Array.Empty<string>(),
        new[] { string.Empty },
        new[] { "report:read report:list" },
        new[] { "report:read", " " },
    };

    [Theory]
    [MemberData(nameof(InvalidRequirements))]
    public void A_requirement_that_could_never_be_met_or_would_match_too_much_is_refused(string[] anyOf)
    {
        Assert.Throws<ArgumentException>(() => new ScopeRequirement(anyOf));
        Assert.Throws<ArgumentException>(() => new RequireScopeAttribute(anyOf));
    }

    [Fact]
    public void The_attribute_is_an_Authorize_attribute_naming_the_reserved_policy_of_its_requirement()
    {
        var attribute = new RequireScopeAttribute(Scopes.Report.Read, Scopes.Report.List);
        IAuthorizeData data = attribute;
        Assert.Equal(new[] { "report:read", "report:list" }, attribute.AnyOf);
        Assert.Equal(attribute.Requirement.PolicyName, data.Policy);
        Assert.Null(data.Roles);
        Assert.Null(data.AuthenticationSchemes);
        Assert.True(ScopePolicyName.TryParse(data.Policy, out var parsed));
        Assert.Equal(new[] { "report:read", "report:list" }, parsed);
        Assert.Contains("AddScopeAuthorization()", data.Policy, StringComparison.Ordinal);
        Assert.IsAssignableFrom<AuthorizeAttribute>(attribute);
        Assert.Equal(data.Policy, attribute.Policy);
        var usage = (AttributeUsageAttribute)Attribute.GetCustomAttribute(typeof(RequireScopeAttribute), typeof(AttributeUsageAttribute))!;
        Assert.True(usage.AllowMultiple);
        Assert.True(usage.Inherited);
        Assert.Equal(AttributeTargets.Class | AttributeTargets.Method, usage.ValidOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("report:read")]
    [InlineData("RequireScope(report:read)")]
    [InlineData("RequireScope() [ScopeGen: register with services.AddScopeAuthorization()]")]
    [InlineData("RequireScope(a  b) [ScopeGen: register with services.AddScopeAuthorization()]")]
    [InlineData("requirescope(report:read) [ScopeGen: register with services.AddScopeAuthorization()]")]
    public void Only_well_formed_reserved_names_parse(string? name)
    {
        Assert.False(ScopePolicyName.TryParse(name, out _));
    }

    [Fact]
    public async Task Without_AddScopeAuthorization_nothing_handles_a_scope_requirement_so_it_denies()
    {
        await using var services = new ServiceCollection().AddLogging().AddAuthorization().BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();

        Assert.False((await authorization.AuthorizeAsync(User(("scope", "report:read")), null, new ScopeRequirement(Scopes.Report.Read))).Succeeded);
    }

    [Fact]
    public async Task Through_the_authorization_service_several_requirements_must_all_hold()
    {
        await using var services = new ServiceCollection().AddLogging().AddScopeAuthorization().BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var requirements = new IAuthorizationRequirement[] { new ScopeRequirement(Scopes.Report.Read), new ScopeRequirement(Scopes.Report.Create, Scopes.Report.Delete) };

        Assert.True((await authorization.AuthorizeAsync(User(("scope", "report:read report:delete")), null, requirements)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(User(("scope", "report:read")), null, requirements)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(User(("scope", "report:delete")), null, requirements)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), null, requirements)).Succeeded);
    }

    [Fact]
    public async Task AddScopeAuthorization_registers_a_policy_per_scope_and_per_preset()
    {
        await using var services = new ServiceCollection().AddLogging().AddScopeAuthorization().BuildServiceProvider();
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        foreach (var scope in Scopes.All)
        {
            var policy = await policies.GetPolicyAsync(scope);
            var requirement = Assert.IsType<ScopeRequirement>(Assert.Single(policy!.Requirements));
            Assert.Equal(new[] { scope }, requirement.AnyOf);
        }

        foreach (var preset in Scopes.Presets.Names)
        {
            Assert.True(Scopes.Presets.TryGetScopes(preset, out var presetScopes));
            var policy = await policies.GetPolicyAsync(preset);
            Assert.Equal(presetScopes, policy!.Requirements.Cast<ScopeRequirement>().Select(requirement => Assert.Single(requirement.AnyOf)));
        }

        // ASP.NET Core looks policy names up ignoring case; the requirement still matches exactly.
        var folded = await policies.GetPolicyAsync("REPORT:READ");
        Assert.Equal(new[] { "report:read" }, Assert.IsType<ScopeRequirement>(Assert.Single(folded!.Requirements)).AnyOf);
        Assert.Null(await policies.GetPolicyAsync("report:reads"));
        var authorization = services.GetRequiredService<IAuthorizationService>();
        Assert.True((await authorization.AuthorizeAsync(User(("scope", "apiKey:list apiKey:rotate")), "keyAdmin")).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(User(("scope", "apiKey:list")), "keyAdmin")).Succeeded);
    }

    [Fact]
    public async Task The_check_allocates_nothing()
    {
        var user = User(("sub", "someone"), ("scp", "x:y"), ("scope", "report:list apiKey:list report:read"));
        var requirement = new ScopeRequirement(Scopes.Report.Create, Scopes.Report.Read);
        var denied = new ScopeRequirement(Scopes.ApiKey.Rotate);
        await using var services = new ServiceCollection().AddLogging().AddScopeAuthorization().BuildServiceProvider();
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var context = new AuthorizationHandlerContext(new[] { requirement }, user, httpContext);
        var handler = services.GetServices<IAuthorizationHandler>().OfType<ScopeAuthorizationHandler>().Single();

        for (var i = 0; i < 100; i++)
        {
            requirement.IsSatisfiedBy(user);
            denied.IsSatisfiedBy(user);
            await handler.HandleAsync(context);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var satisfied = 0;
        for (var i = 0; i < 1000; i++)
        {
            satisfied += requirement.IsSatisfiedBy(user) ? 1 : 0;
            satisfied += denied.IsSatisfiedBy(user) ? 1 : 0;
            _ = handler.HandleAsync(context);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1000, satisfied);
        Assert.True(context.HasSucceeded);
        Assert.Equal(0, allocated);
    }

    /// <summary>An identity whose claims are an iterator, not a list.</summary>
    private sealed class IteratorIdentity(params Claim[] claims) : ClaimsIdentity("test")
    {
        public override IEnumerable<Claim> Claims
        {
            get
            {
                foreach (var claim in claims)
                {
                    yield return claim;
                }
            }
        }
    }
}
