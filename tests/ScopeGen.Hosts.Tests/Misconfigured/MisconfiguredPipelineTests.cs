using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.Misconfigured;

/// <summary>
/// Apps that forgot or misplaced part of authorization never serve a scoped endpoint (to no caller, with
/// any scope): endpoint routing's own check, which [RequireScope] and .RequireScope() trigger as
/// [Authorize] does, answers 500 and logs what is missing.
/// </summary>
public sealed class MisconfiguredPipelineTests
{
    private const string GuardMessage = "contains authorization metadata, but a middleware was not found that supports authorization";

    private static readonly string?[] Callers = { null, Caller.WrongScopes, "workflow:read workflow:list workflow:create workflow:delete" };

    [Fact]
    public async Task A_WebApplication_with_AddAuthentication_only_fails_every_request()
    {
        await using var host = await HostApp.StartAsync(
            builder => ScopeHeaderAuthenticationHandler.Add(builder.Services),
            MapScopedEndpoints);

        await AssertNeverServedAsync(host);
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains(GuardMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_generic_host_without_UseAuthorization_fails_every_request()
    {
        await using var host = await StartGenericHostAsync(app =>
        {
            app.UseRouting();
            app.UseAuthentication();
            app.UseEndpoints(MapScopedEndpoints);
        });

        await AssertNeverServedAsync(host);
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains(GuardMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UseAuthorization_before_UseRouting_fails_every_request()
    {
        await using var host = await StartGenericHostAsync(app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseRouting();
            app.UseEndpoints(MapScopedEndpoints);
        });

        await AssertNeverServedAsync(host);
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains(GuardMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_apps_serve_the_endpoints_once_UseAuthorization_is_in_place()
    {
        // The control for the three apps above: the endpoints and the scheme are fine.
        await using var host = await StartGenericHostAsync(app =>
        {
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseEndpoints(MapScopedEndpoints);
        });

        await host.AssertEnforcedAsync("/attribute", "workflow:read");
        await host.AssertEnforcedAsync("/extension", "workflow:read");
    }

    private static void MapScopedEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attribute", [RequireScope(Scopes.Workflow.Read)] () => "ok");
        endpoints.MapGet("/extension", () => "ok").RequireScope(Scopes.Workflow.Read);
    }

    private static void MapScopedEndpoints(WebApplication app) => MapScopedEndpoints((IEndpointRouteBuilder)app);

    private static async Task AssertNeverServedAsync(KestrelHost host)
    {
        foreach (var path in new[] { "/attribute", "/extension" })
        {
            foreach (var scopes in Callers)
            {
                var status = await host.StatusAsync(path, scopes);
                Assert.True(status == HttpStatusCode.InternalServerError, $"{path} with '{scopes}': {(int)status}");
            }
        }
    }

    /// <summary>A generic host (not WebApplication, which adds UseAuthorization itself) with AddScopeAuthorization.</summary>
    private static async Task<KestrelHost> StartGenericHostAsync(Action<IApplicationBuilder> configure)
    {
        LogCapture? logs = null;
        var host = new HostBuilder()
            .UseEnvironment("Testing")
            .ConfigureLogging(logging => logs = KestrelHost.CaptureLogs(logging))
            .ConfigureWebHost(web => web
                .UseKestrel()
                .UseUrls(KestrelHost.LoopbackUrl)
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    ScopeHeaderAuthenticationHandler.Add(services);
                    services.AddScopeAuthorization();
                })
                .Configure(configure))
            .Build();
        return await KestrelHost.StartAsync(host, logs);
    }
}
