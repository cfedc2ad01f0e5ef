using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.Mvc;

/// <summary>MVC with EnableEndpointRouting = false and UseMvc(): the authorization filter MVC builds from IAuthorizeData enforces [RequireScope].</summary>
public sealed class MvcWithoutEndpointRoutingTests
{
    [Fact]
    public async Task Controller_and_action_scopes_are_enforced()
    {
        await using var host = await StartAsync(builder => HostApp.ScopeAuthorization(builder));

        await host.AssertEnforcedAsync("/mvc/workflows", "workflow:read");
        await host.AssertEnforcedAsync("/mvc/workflows", "workflow:read workflow:delete", HttpMethod.Delete);
        Assert.Equal(HttpStatusCode.Forbidden, await host.StatusAsync("/mvc/workflows", "workflow:read", HttpMethod.Delete));
    }

    [Fact]
    public async Task Without_AddScopeAuthorization_the_action_is_never_served()
    {
        await using var host = await StartAsync(builder =>
        {
            ScopeHeaderAuthenticationHandler.Add(builder.Services);
            builder.Services.AddAuthorization();
        });

        foreach (var scopes in new[] { null, Caller.WrongScopes, "workflow:read workflow:delete" })
        {
            var status = await host.StatusAsync("/mvc/workflows", scopes);
            Assert.True(status == HttpStatusCode.InternalServerError, $"'{scopes}': {(int)status}");
        }
    }

    private static Task<KestrelHost> StartAsync(Action<WebApplicationBuilder> services) => HostApp.StartAsync(
        builder =>
        {
            services(builder);
            builder.Services.AddControllers(options => options.EnableEndpointRouting = false);
        },
        app =>
        {
            app.UseAuthentication();
#pragma warning disable ASP0001 // UseMvc without endpoint routing is the point of this test.
            app.UseMvc();
#pragma warning restore ASP0001
        });
}
