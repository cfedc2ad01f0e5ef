using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.EndpointRouting;

/// <summary>Endpoint routing: minimal APIs (attribute, extension, group) and MVC controllers, each with no credential, the wrong scope and the right one.</summary>
public sealed class EndpointRoutingTests
{
    [Fact]
    public async Task Minimal_API_attribute_extension_and_group_are_enforced()
    {
        await using var host = await HostApp.StartAsync(
            builder => HostApp.ScopeAuthorization(builder),
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGet("/attribute", [RequireScope(Scopes.Workflow.Read)] () => "ok");
                app.MapGet("/extension", () => "ok").RequireScope(Scopes.Workflow.Read);
                app.MapGroup("/group").RequireScope(Scopes.Workflow.Read).MapGet("/item", () => "ok").RequireScope(Scopes.Workflow.Delete);
            });

        await host.AssertEnforcedAsync("/attribute", "workflow:read");
        await host.AssertEnforcedAsync("/extension", "workflow:read");
        await host.AssertEnforcedAsync("/group/item", "workflow:read workflow:delete");
        Assert.Equal(HttpStatusCode.Forbidden, await host.StatusAsync("/group/item", "workflow:delete"));
    }

    [Fact]
    public async Task MVC_controllers_with_endpoint_routing_are_enforced()
    {
        await using var host = await HostApp.StartAsync(
            builder =>
            {
                HostApp.ScopeAuthorization(builder);
                builder.Services.AddControllers();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapControllers();
            });

        await host.AssertEnforcedAsync("/mvc/workflows", "workflow:read");
        await host.AssertEnforcedAsync("/mvc/workflows", "workflow:read workflow:delete", HttpMethod.Delete);
        Assert.Equal(HttpStatusCode.Forbidden, await host.StatusAsync("/mvc/workflows", "workflow:read", HttpMethod.Delete));
    }
}
