using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.AspNetCore.Tests.Api;
using ScopeGen.AspNetCore.Tests.Infrastructure;

namespace ScopeGen.AspNetCore.Tests.Attributes;

/// <summary><c>MapProtectedResourceMetadata()</c> (RFC 9728) over the test project's manifest, on Kestrel.</summary>
public sealed class ProtectedResourceMetadataTests
{
    [Fact]
    public async Task A_resource_without_a_path_is_served_at_the_well_known_root_with_every_manifest_scope()
    {
        await using var host = await StartAsync(metadata =>
        {
            metadata.Resource = "https://api.example.com";
            metadata.AuthorizationServers.Add("https://login.example.com");
        });

        using var response = await host.Client.GetAsync("/.well-known/oauth-protected-resource");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://api.example.com", json.RootElement.GetProperty("resource").GetString());
        Assert.Equal(new[] { "https://login.example.com" }, json.RootElement.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Scopes.All, json.RootElement.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()!));
        Assert.False(json.RootElement.TryGetProperty("resource_name", out _));
    }

    [Fact]
    public async Task Configured_scopes_replace_the_manifests_and_the_path_follows_the_resource()
    {
        await using var host = await StartAsync(metadata =>
        {
            metadata.Resource = "https://api.example.com/reports/v2/";
            metadata.ScopesSupported.Add(Scopes.Report.Read);
        });

        using var root = await host.Client.GetAsync("/.well-known/oauth-protected-resource");
        using var response = await host.Client.GetAsync("/.well-known/oauth-protected-resource/reports/v2");

        Assert.NotEqual(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "report:read" }, json.RootElement.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/relative")]
    [InlineData("ftp://api.example.com")]
    [InlineData("https://api.example.com/#fragment")]
    public void A_missing_or_invalid_resource_fails_at_startup(string? resource)
    {
        var app = WebApplication.CreateBuilder().Build();

        var error = Assert.Throws<ArgumentException>(() => app.MapProtectedResourceMetadata(metadata => metadata.Resource = resource));

        Assert.Contains("RFC 9728", error.Message);
    }

    private static async Task<KestrelHost> StartAsync(Action<ScopeGen.AspNetCore.ProtectedResourceMetadataOptions> configure)
    {
        var builder = WebApplication.CreateBuilder(KestrelHost.Options(typeof(ProtectedResourceMetadataTests).Assembly));
        var logs = KestrelHost.Prepare(builder);
        builder.Services.AddAuthentication();
        builder.Services.AddScopeAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapProtectedResourceMetadata(configure);
        return await KestrelHost.StartAsync(app, logs);
    }
}
