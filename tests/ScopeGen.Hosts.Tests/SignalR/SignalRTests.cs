using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.AspNetCore;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.SignalR;

/// <summary>SignalR over a real connection: [RequireScope] on the hub class guards connecting, on a method guards invoking it.</summary>
public sealed class SignalRTests
{
    [Fact]
    public async Task The_hub_class_scope_guards_the_connection()
    {
        await using var host = await StartAsync(configure: null);

        var anonymous = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync(host, "/hubs/workflows", scopes: null));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var wrong = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync(host, "/hubs/workflows", "workflow:read workflow:delete"));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);

        await using var connection = await ConnectAsync(host, "/hubs/workflows", "workflow:list");
        Assert.Equal("list", await connection.InvokeAsync<string>("List"));
    }

    [Fact]
    public async Task A_hub_method_scope_guards_the_invocation()
    {
        await using var host = await StartAsync(configure: null);

        await using (var listOnly = await ConnectAsync(host, "/hubs/workflows", "workflow:list workflow:read"))
        {
            var denied = await Assert.ThrowsAsync<HubException>(() => listOnly.InvokeAsync<string>("Delete"));
            Assert.Contains("unauthorized", denied.Message, StringComparison.OrdinalIgnoreCase);
        }

        await using var both = await ConnectAsync(host, "/hubs/workflows", "workflow:list workflow:delete");
        Assert.Equal("deleted", await both.InvokeAsync<string>("Delete"));
    }

    [Fact]
    public async Task Claim_types_apply_to_a_hub_method_policy()
    {
        await using (var defaults = await StartAsync(configure: null))
        {
            Assert.True(await CanCreateAsync(defaults, "scope=workflow:create"));
            Assert.False(await CanCreateAsync(defaults, "x-scope=workflow:create"));
        }

        await using (var custom = await StartAsync(options =>
        {
            options.ClaimTypes.Clear();
            options.ClaimTypes.Add("x-scope");
        }))
        {
            Assert.True(await CanCreateAsync(custom, "x-scope=workflow:create"));
            Assert.False(await CanCreateAsync(custom, "scope=workflow:create"));
        }

        await using var empty = await StartAsync(options => options.ClaimTypes.Clear());
        Assert.False(await CanCreateAsync(empty, "scope=workflow:create"));
        Assert.False(await CanCreateAsync(empty, "x-scope=workflow:create"));
    }

    private static async Task<bool> CanCreateAsync(KestrelHost host, string claim)
    {
        await using var connection = await ConnectAsync(host, "/hubs/policy", scopes: null, claim);
        try
        {
            return await connection.InvokeAsync<string>("Create") == "created";
        }
        catch (HubException)
        {
            return false;
        }
    }

    private static async Task<HubConnection> ConnectAsync(KestrelHost host, string path, string? scopes, string? claim = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, path), options =>
            {
                if (scopes is not null)
                {
                    options.Headers[ScopeHeaderAuthenticationHandler.HeaderName] = scopes;
                }

                if (claim is not null)
                {
                    options.Headers[ScopeHeaderAuthenticationHandler.ClaimHeaderName] = claim;
                }
            })
            .Build();
        try
        {
            await connection.StartAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static Task<KestrelHost> StartAsync(Action<ScopeAuthorizationOptions>? configure) => HostApp.StartAsync(
        builder =>
        {
            HostApp.ScopeAuthorization(builder, configure);
            builder.Services.AddSignalR();
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapHub<WorkflowHub>("/hubs/workflows");
            app.MapHub<PolicyHub>("/hubs/policy");
        });
}
