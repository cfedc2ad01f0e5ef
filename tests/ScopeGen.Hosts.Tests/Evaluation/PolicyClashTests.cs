using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.Evaluation;

/// <summary>An app policy named like a manifest scope or preset is never replaced: the app does not start, and says why.</summary>
public sealed class PolicyClashTests
{
    [Theory]
    [InlineData("full", true)]
    [InlineData("FULL", false)]
    [InlineData("workflow:read", true)]
    public async Task An_app_policy_named_like_a_preset_or_scope_stops_start_up(string name, bool registeredBefore)
    {
        var builder = WebApplication.CreateBuilder(KestrelHost.Options(typeof(PolicyClashTests).Assembly));
        KestrelHost.Prepare(builder);
        ScopeHeaderAuthenticationHandler.Add(builder.Services);
        if (registeredBefore)
        {
            builder.Services.AddAuthorization(options => options.AddPolicy(name, policy => policy.RequireRole("superadmin")));
            builder.Services.AddScopeAuthorization();
        }
        else
        {
            builder.Services.AddScopeAuthorization();
            builder.Services.AddAuthorization(options => options.AddPolicy(name, policy => policy.RequireRole("superadmin")));
        }

        await using var app = builder.Build();
        app.MapGet("/full", () => "ok").RequireAuthorization(name);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains($"'{name}'", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("never replaces an app's policy", error.Message, StringComparison.Ordinal);
        Assert.Contains("NamedPolicies = false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_named_policies_off_the_app_policy_holds_and_RequireScope_still_works()
    {
        await using var host = await HostApp.StartAsync(
            builder =>
            {
                builder.Services.AddAuthorization(options => options.AddPolicy("full", policy => policy.RequireRole("superadmin")));
                HostApp.ScopeAuthorization(builder, options => options.NamedPolicies = false);
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGet("/full", () => "ok").RequireAuthorization("full");
                app.MapGet("/scoped", () => "ok").RequireScope(Scopes.Workflow.Read);
            });

        // Every scope, no role: the app's policy, not the preset, decides.
        Assert.Equal(HttpStatusCode.Forbidden, await host.StatusAsync("/full", "workflow:read workflow:list workflow:create workflow:delete"));
        await host.AssertEnforcedAsync("/scoped", "workflow:read");
    }
}
