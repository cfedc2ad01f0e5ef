using System;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScopeGen.AspNetCore;
using Xunit;

namespace ScopeGen.Runtime.Tests;

/// <summary>The runtime classes as ordinary code: policy names, the provider, registration, the 403 challenge.</summary>
public sealed class RuntimeTests
{
    private static ClaimsPrincipal User(string scopes) => new(new ClaimsIdentity(new[] { new Claim("scope", scopes) }, "test"));

    [Theory]
    [InlineData("workflow:read")]
    [InlineData("workflow:read workflow:list a(b)c")]
    public void A_reserved_name_round_trips_its_scopes(string scopes)
    {
        var anyOf = scopes.Split(' ');
        Assert.True(ScopePolicyName.TryParse(ScopePolicyName.Format(anyOf), out var parsed));
        Assert.Equal(anyOf, parsed);
    }

    [Fact]
    public async Task The_provider_resolves_reserved_names_and_manifest_names_but_never_overrides_the_app()
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddAuthorization(options => options.AddPolicy("reader", policy => policy.RequireRole("reader")))
            .AddScopeAuthorization()
            .BuildServiceProvider();
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();

        var reserved = await provider.GetPolicyAsync(new ScopeRequirement("workflow:read", "workflow:list").PolicyName);
        Assert.Equal(new[] { "workflow:read", "workflow:list" }, Assert.IsType<ScopeRequirement>(Assert.Single(reserved!.Requirements)).AnyOf);

        Assert.IsNotType<ScopeRequirement>(Assert.Single((await provider.GetPolicyAsync("reader"))!.Requirements));
        Assert.IsType<ScopeRequirement>(Assert.Single((await provider.GetPolicyAsync("workflow:read"))!.Requirements));
        Assert.Equal(new[] { "workflow:read", "workflow:delete" }, (await provider.GetPolicyAsync("FULL"))!.Requirements.Cast<ScopeRequirement>().Select(requirement => Assert.Single(requirement.AnyOf)));
        Assert.Null(await provider.GetPolicyAsync("empty"));
        Assert.Null(await provider.GetPolicyAsync("unknown"));
    }

    [Fact]
    public async Task A_clash_fails_the_options_and_the_app_policy_still_wins_lookups()
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddAuthorization(options => options.AddPolicy("workflow:read", policy => policy.RequireRole("reader")))
            .AddScopeAuthorization()
            .BuildServiceProvider();

        Assert.IsNotType<ScopeRequirement>(Assert.Single((await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync("workflow:read"))!.Requirements));
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ScopeAuthorizationOptions>>().Value);
        Assert.Contains("'workflow:read'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calling_AddScopeAuthorization_twice_wraps_once_and_keeps_both_configurations()
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddScopeAuthorization(options => options.ClaimTypes.Add("first"))
            .AddScopeAuthorization(options => options.ClaimTypes.Add("second"))
            .BuildServiceProvider();

        var provider = Assert.IsType<ScopeAuthorizationPolicyProvider>(services.GetRequiredService<IAuthorizationPolicyProvider>());
        Assert.IsType<DefaultAuthorizationPolicyProvider>(provider.Inner);
        Assert.Single(services.GetServices<IAuthorizationHandler>().OfType<ScopeAuthorizationHandler>());
        var claimTypes = services.GetRequiredService<IOptions<ScopeAuthorizationOptions>>().Value.ClaimTypes;
        Assert.Contains("first", claimTypes);
        Assert.Contains("second", claimTypes);
    }

    [Fact]
    public async Task An_app_provider_registered_before_is_wrapped_not_replaced()
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddSingleton<IAuthorizationPolicyProvider, AppProvider>()
            .AddScopeAuthorization()
            .BuildServiceProvider();
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();

        Assert.IsType<AppProvider>(Assert.IsType<ScopeAuthorizationPolicyProvider>(provider).Inner);
        Assert.NotNull(await provider.GetPolicyAsync("app-only"));
        Assert.NotNull(await provider.GetPolicyAsync(new ScopeRequirement("workflow:read").PolicyName));
        var authorization = services.GetRequiredService<IAuthorizationService>();
        Assert.True((await authorization.AuthorizeAsync(User("workflow:read"), null, new ScopeRequirement("workflow:read").PolicyName)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(User("workflow:list"), null, new ScopeRequirement("workflow:read").PolicyName)).Succeeded);
    }

    [Fact]
    public void The_bearer_challenge_lists_each_failed_scope_once_and_quotes_safely()
    {
        var challenge = InsufficientScopeResultHandler.BearerChallenge(new[] { new[] { "a:read", "a:list" }, new[] { "a:list", "b\"c\\d" } });

        Assert.Equal("Bearer error=\"insufficient_scope\", scope=\"a:read a:list b\\\"c\\\\d\"", challenge);
    }

    private sealed class AppProvider : IAuthorizationPolicyProvider
    {
        private static readonly AuthorizationPolicy AppOnly = new AuthorizationPolicyBuilder().RequireRole("x").Build();
        private readonly DefaultAuthorizationPolicyProvider fallback = new(Options.Create(new AuthorizationOptions()));

        public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => fallback.GetDefaultPolicyAsync();

        public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => fallback.GetFallbackPolicyAsync();

        public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) => Task.FromResult(policyName == "app-only" ? AppOnly : null);
    }
}
