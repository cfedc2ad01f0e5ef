using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.Pages;

/// <summary>Razor Pages: [RequireScope] on the page model is enforced.</summary>
public sealed class RazorPagesTests
{
    [Fact]
    public async Task A_page_model_scope_is_enforced()
    {
        await using var host = await HostApp.StartAsync(
            builder =>
            {
                HostApp.ScopeAuthorization(builder);
                builder.Services.AddRazorPages();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapRazorPages();
            });

        await host.AssertEnforcedAsync("/pages/scoped", "workflow:read");
        using var page = await host.SendAsync("/pages/scoped", "workflow:read");
        Assert.Contains("scoped page", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
