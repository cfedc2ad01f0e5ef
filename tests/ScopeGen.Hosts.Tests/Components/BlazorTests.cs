using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.Components;

/// <summary>Blazor (static server rendering): a routable component with [RequireScope] under AuthorizeRouteView.</summary>
public sealed class BlazorTests
{
    [Fact]
    public async Task A_routable_component_scope_is_enforced()
    {
        await using var host = await HostApp.StartAsync(
            builder =>
            {
                HostApp.ScopeAuthorization(builder);
                builder.Services.AddRazorComponents();
                builder.Services.AddCascadingAuthenticationState();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseAntiforgery();
                app.MapRazorComponents<App>();
            });

        await host.AssertEnforcedAsync("/blazor/scoped", "workflow:read");
        using var page = await host.SendAsync("/blazor/scoped", "workflow:read");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("scoped component", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not authorized", html, StringComparison.Ordinal);
    }
}
