using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ScopeGen.Hosts.Tests.Infrastructure;

/// <summary>Builds and starts a WebApplication on Kestrel (loopback, random port) with the scope-header test scheme.</summary>
public static class HostApp
{
    /// <summary>
    /// <paramref name="services"/> registers what the shape needs (usually <c>AddScopeAuthorization()</c>);
    /// <paramref name="pipeline"/> adds middleware and endpoints.
    /// </summary>
    public static async Task<KestrelHost> StartAsync(Action<WebApplicationBuilder> services, Action<WebApplication> pipeline)
    {
        var builder = WebApplication.CreateBuilder(KestrelHost.Options(typeof(HostApp).Assembly));
        var logs = KestrelHost.Prepare(builder);
        services(builder);
        var app = builder.Build();
        pipeline(app);
        return await KestrelHost.StartAsync(app, logs);
    }

    /// <summary>The scope-header scheme and <c>AddScopeAuthorization(configure)</c>.</summary>
    public static void ScopeAuthorization(WebApplicationBuilder builder, Action<ScopeGen.AspNetCore.ScopeAuthorizationOptions>? configure = null)
    {
        ScopeHeaderAuthenticationHandler.Add(builder.Services);
        builder.Services.AddScopeAuthorization(configure);
    }
}

/// <summary>Requests as the three callers of every host test meet the app: no credential, the wrong scope, the right one.</summary>
public static class Caller
{
    /// <summary>Granted scopes of the "wrong scope" caller: every workflow scope but read and delete.</summary>
    public const string WrongScopes = "workflow:list workflow:create";

    public static async Task<HttpStatusCode> StatusAsync(this KestrelHost host, string path, string? scopes, HttpMethod? method = null)
    {
        using var response = await host.SendAsync(path, scopes, method);
        return response.StatusCode;
    }

    public static Task<HttpResponseMessage> SendAsync(this KestrelHost host, string path, string? scopes, HttpMethod? method = null, string? claim = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (scopes is not null)
        {
            request.Headers.TryAddWithoutValidation(ScopeHeaderAuthenticationHandler.HeaderName, scopes);
        }

        if (claim is not null)
        {
            request.Headers.TryAddWithoutValidation(ScopeHeaderAuthenticationHandler.ClaimHeaderName, claim);
        }

        return host.Client.SendAsync(request);
    }

    /// <summary>No credential: 401; the wrong scope: 403; the right one: 200.</summary>
    public static async Task AssertEnforcedAsync(this KestrelHost host, string path, string rightScopes, HttpMethod? method = null)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await host.StatusAsync(path, null, method));
        Assert.Equal(HttpStatusCode.Forbidden, await host.StatusAsync(path, WrongScopes, method));
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(path, rightScopes, method));
    }
}
