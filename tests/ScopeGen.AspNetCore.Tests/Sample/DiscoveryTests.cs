using System.Net;
using System.Net.Http;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using N8n.Api;
using N8nApi.Auth;

namespace ScopeGen.AspNetCore.Tests.Sample;

/// <summary>
/// The sample's <c>MapScopeDiscovery()</c> (<c>/api/v1/discover</c>) and RFC 9728 metadata
/// (<c>/.well-known/oauth-protected-resource/api/v1</c>) on Kestrel, with the sample's real API keys.
/// </summary>
[Collection(N8nApiServerCollection.Name)]
public sealed class DiscoveryTests
{
    private readonly N8nApiServer server;

    public DiscoveryTests(N8nApiServer server)
    {
        this.server = server;
    }

    [Fact]
    public async Task Discovery_needs_a_key()
    {
        using var response = await server.Client.GetAsync("/api/v1/discover");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Discovery_lists_each_endpoint_with_its_scopes_and_what_the_callers_key_reaches()
    {
        var endpoints = await Discover(server.ReadOnlyKey);

        var list = endpoints.Single(e => e.Method == "GET" && e.Route == "/api/v1/workflows");
        Assert.Equal(new[] { new[] { Scopes.Workflow.List } }, list.RequiredScopes);
        Assert.True(list.Allowed);
        var create = endpoints.Single(e => e.Method == "POST" && e.Route == "/api/v1/workflows");
        Assert.Equal(new[] { new[] { Scopes.Workflow.Create } }, create.RequiredScopes);
        Assert.False(create.Allowed);
        Assert.DoesNotContain(endpoints, e => e.Route == "/healthz" || e.Route == "/api/v1/discover");
        Assert.Equal(endpoints.OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).Select(e => e.Method + " " + e.Route), endpoints.Select(e => e.Method + " " + e.Route));
    }

    [Fact]
    public async Task What_discovery_says_is_allowed_is_what_the_api_serves()
    {
        // Every endpoint, for a key with one scope: discovery's verdict matches the real status (route
        // values are placeholders; a denied request is 403 before any binding, an allowed one is not).
        var key = server.KeyFor(Scopes.Execution.List);
        var endpoints = await Discover(key);
        foreach (var endpoint in endpoints)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.Route, "{[^}]*}", "1");
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
            request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, key);
            using var response = await server.Client.SendAsync(request);
            Assert.True(endpoint.Allowed == (response.StatusCode != HttpStatusCode.Forbidden), $"{endpoint.Method} {endpoint.Route}: discovery says {endpoint.Allowed}, the API answered {(int)response.StatusCode}");
        }

        Assert.Equal(SampleEndpoints.All.Count, endpoints.Count);
        Assert.Equal("GET /api/v1/executions", Assert.Single(endpoints, e => e.Allowed).Method + " " + Assert.Single(endpoints, e => e.Allowed).Route);
    }

    [Fact]
    public async Task A_key_with_a_former_scope_string_is_shown_the_renamed_scopes_endpoints()
    {
        var endpoints = await Discover(server.FormerNameKey);

        var allowed = endpoints.Where(e => e.Allowed).Select(e => e.Method + " " + e.Route).ToList();
        Assert.Equal(new[] { "POST /api/v1/workflows/{id}/activate", "POST /api/v1/workflows/{id}/deactivate" }, allowed);
    }

    [Fact]
    public async Task The_endpoint_list_is_built_once_not_per_request()
    {
        await Discover(server.ReadOnlyKey);
        await Discover(server.FullKey);
        await Discover(server.NoScopeKey);

        var dataSource = server.Host.App.Services.GetRequiredService<EndpointDataSource>();
        // The sample's helpers are internal to it (no ScopeGenPublicApi): found by name.
        var catalog = dataSource.Endpoints.SelectMany(e => e.Metadata).Single(m => m.GetType().FullName == "ScopeGen.AspNetCore.ScopeDiscoveryCatalog");
        Assert.Equal(1, catalog.GetType().GetProperty("BuildCount")!.GetValue(catalog));
    }

    [Fact]
    public async Task Protected_resource_metadata_is_anonymous_and_lists_the_manifest_scopes()
    {
        using var response = await server.Client.GetAsync("/.well-known/oauth-protected-resource/api/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(N8nApi.N8nApiApp.DefaultResource, root.GetProperty("resource").GetString());
        Assert.Equal(Scopes.All, root.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(new[] { "header" }, root.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("authorization_servers").ValueKind);
        Assert.Equal("n8n-style API (ScopeGen sample)", root.GetProperty("resource_name").GetString());
    }

    private async Task<List<DiscoveredEndpoint>> Discover(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/discover");
        request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, key);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("endpoints").EnumerateArray().Select(e => new DiscoveredEndpoint(
            e.GetProperty("method").GetString()!,
            e.GetProperty("route").GetString()!,
            e.GetProperty("requiredScopes").EnumerateArray().Select(g => g.EnumerateArray().Select(s => s.GetString()!).ToArray()).ToArray(),
            e.GetProperty("allowed").GetBoolean())).ToList();
    }

    private sealed record DiscoveredEndpoint(string Method, string Route, string[][] RequiredScopes, bool Allowed);
}
