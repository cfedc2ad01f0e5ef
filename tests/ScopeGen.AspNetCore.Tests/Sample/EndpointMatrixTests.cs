using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using N8n.Api;

namespace ScopeGen.AspNetCore.Tests.Sample;

/// <summary>Every endpoint of the sample, over HTTP on Kestrel, against keys with and without its scope.</summary>
[Collection(N8nApiServerCollection.Name)]
public sealed class EndpointMatrixTests
{
    private readonly N8nApiServer server;

    public EndpointMatrixTests(N8nApiServer server)
    {
        this.server = server;
    }

    [Fact]
    public void The_matrix_lists_every_endpoint_of_the_sample_exactly_once()
    {
        var served = ((IEndpointRouteBuilder)server.Host.App).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? new[] { "*" })
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText!.Trim('/')}"))
            .Where(name => name is not ("GET /healthz" or "GET /api/v1/discover" or "GET /.well-known/oauth-protected-resource/api/v1") && !IsKeyManagement(name))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        var tested = SampleEndpoints.All.Select(endpoint => endpoint.ToString()).OrderBy(name => name, StringComparer.Ordinal).ToList();

        Assert.Equal(tested, served);
        Assert.Equal(tested.Count, tested.Distinct().Count());
    }

    /// <summary>The settings page and its /rest routes (session-cookie, not API key): KeyManagementTests covers them.</summary>
    internal static bool IsKeyManagement(string name)
    {
        var path = name[(name.IndexOf(' ') + 1)..];
        return path.StartsWith("/rest/", StringComparison.Ordinal) || path.StartsWith("/settings/api", StringComparison.Ordinal);
    }

    [Fact]
    public void Every_scope_the_matrix_requires_is_defined_by_the_manifest()
    {
        Assert.All(SampleEndpoints.All, endpoint => Assert.True(Scopes.IsDefined(endpoint.Scope), endpoint.ToString()));
    }

    [Theory]
    [MemberData(nameof(SampleEndpoints.Names), MemberType = typeof(SampleEndpoints))]
    public async Task Without_a_key_every_endpoint_is_401(string name)
    {
        using var response = await server.Client.SendAsync(SampleEndpoints.Named(name).Request(null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(SampleEndpoints.Names), MemberType = typeof(SampleEndpoints))]
    public async Task A_key_without_scopes_is_403(string name)
    {
        using var response = await server.Client.SendAsync(SampleEndpoints.Named(name).Request(server.NoScopeKey));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(SampleEndpoints.Names), MemberType = typeof(SampleEndpoints))]
    public async Task A_key_with_any_other_single_scope_is_403(string name)
    {
        var endpoint = SampleEndpoints.Named(name);
        foreach (var scope in Scopes.All.Where(scope => scope != endpoint.Scope))
        {
            using var response = await server.Client.SendAsync(endpoint.Request(server.KeyFor(scope)));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint} with a '{scope}' key: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(SampleEndpoints.Names), MemberType = typeof(SampleEndpoints))]
    public async Task A_key_with_exactly_the_required_scope_succeeds(string name)
    {
        var endpoint = SampleEndpoints.Named(name);
        using var response = await server.Client.SendAsync(endpoint.Request(server.KeyFor(endpoint.Scope)));
        Assert.True(response.IsSuccessStatusCode, $"{endpoint} with a '{endpoint.Scope}' key: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [MemberData(nameof(SampleEndpoints.Names), MemberType = typeof(SampleEndpoints))]
    public async Task The_read_only_preset_key_succeeds_only_on_read_and_list_endpoints(string name)
    {
        var endpoint = SampleEndpoints.Named(name);
        var readOrList = endpoint.Scope.EndsWith(":read", StringComparison.Ordinal) || endpoint.Scope.EndsWith(":list", StringComparison.Ordinal);
        Assert.Equal(readOrList, Scopes.Presets.ReadOnly.Contains(endpoint.Scope));
        Assert.Equal(readOrList, endpoint.Method == "GET");

        using var response = await server.Client.SendAsync(endpoint.Request(server.ReadOnlyKey));
        if (readOrList)
        {
            Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_health_endpoint_is_anonymous()
    {
        using var response = await server.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
