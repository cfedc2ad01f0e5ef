using System.Net;
using System.Net.Http;
using N8nApi.Auth;

namespace ScopeGen.AspNetCore.Tests.Sample;

/// <summary>
/// The sample's manifest renames <c>workflow:deactivate</c> to <c>workflow:activate</c>: a key issued with the
/// former string keeps working for that scope's endpoints, and for nothing else.
/// </summary>
[Collection(N8nApiServerCollection.Name)]
public sealed class RenamedScopeTests
{
    private readonly N8nApiServer server;

    public RenamedScopeTests(N8nApiServer server)
    {
        this.server = server;
    }

    [Theory]
    [InlineData("/api/v1/workflows/1/activate")]
    [InlineData("/api/v1/workflows/1/deactivate")]
    public async Task A_key_with_the_former_name_reaches_the_renamed_scopes_endpoints(string path)
    {
        using var current = await Send(HttpMethod.Post, path, server.KeyFor("workflow:activate"));
        using var former = await Send(HttpMethod.Post, path, server.FormerNameKey);

        Assert.True(current.IsSuccessStatusCode, $"{path} with workflow:activate: {(int)current.StatusCode}");
        Assert.Equal(current.StatusCode, former.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/workflows")]
    [InlineData("GET", "/api/v1/workflows/1")]
    [InlineData("DELETE", "/api/v1/workflows/1")]
    [InlineData("GET", "/api/v1/executions")]
    public async Task A_key_with_the_former_name_reaches_nothing_else(string method, string path)
    {
        using var response = await Send(new HttpMethod(method), path, server.FormerNameKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, key);
        return await server.Client.SendAsync(request);
    }
}
