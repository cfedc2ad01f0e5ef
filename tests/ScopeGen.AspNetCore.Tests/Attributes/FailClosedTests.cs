using System.Net;
using System.Net.Http;
using ScopeGen.AspNetCore.Tests.Infrastructure;

namespace ScopeGen.AspNetCore.Tests.Attributes;

/// <summary>A [RequireScope] endpoint is never reachable without its scope, whatever the app forgot to register.</summary>
public sealed class FailClosedTests
{
    [Theory]
    [InlineData("/reports/any-of")]
    [InlineData("/lambda")]
    [InlineData("/extension")]
    [InlineData("/keys")]
    public async Task Without_AddScopeAuthorization_the_endpoint_fails_instead_of_being_served(string path)
    {
        await using var host = await TestApps.StartAsync(TestApps.Registration.AuthorizationOnly);

        foreach (var scopes in new[] { null, "unrelated:scope", "report:read report:list report:create apiKey:list" })
        {
            using var response = await Send(host, path, scopes);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        // ASP.NET Core's message names the reserved policy, which says what to register.
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains("was not found", StringComparison.Ordinal)
            && entry.Message.Contains("[ScopeGen: register with services.AddScopeAuthorization()]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/reports/any-of")]
    [InlineData("/lambda")]
    [InlineData("/extension")]
    [InlineData("/keys")]
    public async Task Without_any_authorization_middleware_the_endpoint_is_never_served(string path)
    {
        await using var host = await TestApps.StartAsync(TestApps.Registration.NoAuthorization);

        foreach (var scopes in new[] { null, "unrelated:scope", "report:read report:list report:create apiKey:list" })
        {
            using var response = await Send(host, path, scopes);
            Assert.False(response.IsSuccessStatusCode, $"{path} with '{scopes}': {(int)response.StatusCode}");
        }
    }

    private static async Task<HttpResponseMessage> Send(KestrelHost host, string path, string? scopes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (scopes is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Test-Scope", scopes);
        }

        return await host.Client.SendAsync(request);
    }
}
