using System.Net;
using System.Net.Http;
using ScopeGen.AspNetCore.Tests.Infrastructure;

namespace ScopeGen.AspNetCore.Tests.Attributes;

/// <summary>
/// A credential holding a former scope string (test.scopes.yaml: <c>report:view</c> became <c>report:read</c>,
/// <c>apiKey:roll</c> became <c>apiKey:rotate</c>) satisfies the new scope on every path — attribute on a
/// controller or lambda, endpoint metadata, <c>.RequireScope()</c>, named policy — and no other scope.
/// </summary>
public sealed class RenameTests
{
    [Theory]
    [InlineData("/reports/inherited", "report:view report:list")]
    [InlineData("/reports/any-of", "report:view report:list report:create")]
    [InlineData("/lambda", "report:view")]
    [InlineData("/extension", "report:view")]
    [InlineData("/chained", "report:view report:list")]
    [InlineData("/with-metadata", "apiKey:roll")]
    [InlineData("/keys/rotate", "apiKey:list apiKey:roll")]
    [InlineData("/policy/scope", "apiKey:roll")]
    public async Task A_former_string_satisfies_the_scope_it_was_renamed_to(string path, string grant)
    {
        await using var host = await TestApps.StartAsync(TestApps.Registration.ScopeAuthorization);

        using var response = await Send(host, path, grant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/reports/inherited", "report:view")]
    [InlineData("/keys", "apiKey:roll")]
    [InlineData("/extension", "apiKey:roll")]
    [InlineData("/with-metadata", "report:view")]
    [InlineData("/policy/preset", "apiKey:roll")]
    [InlineData("/lambda", "report:View")]
    [InlineData("/lambda", "report:vie")]
    public async Task A_former_string_satisfies_nothing_else(string path, string grant)
    {
        await using var host = await TestApps.StartAsync(TestApps.Registration.ScopeAuthorization);

        using var response = await Send(host, path, grant);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_AddScopeAuthorization_a_former_string_opens_nothing_either()
    {
        // Fail closed (see FailClosedTests): the reserved policy is unknown, so the request fails rather
        // than being served, whether the caller holds the former or the current string.
        await using var host = await TestApps.StartAsync(TestApps.Registration.AuthorizationOnly);

        foreach (var grant in new[] { "apiKey:roll", "apiKey:rotate" })
        {
            using var response = await Send(host, "/with-metadata", grant);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
    }

    [Fact]
    public void The_requirement_checks_former_strings_without_a_host()
    {
        var requirement = new ScopeGen.AspNetCore.ScopeRequirement(Api.Scopes.ApiKey.Rotate);
        var identity = new System.Security.Claims.ClaimsIdentity(new[] { new System.Security.Claims.Claim("scope", "report:list apiKey:roll") }, "test");

        Assert.True(requirement.IsSatisfiedBy(new System.Security.Claims.ClaimsPrincipal(identity)));
        Assert.False(new ScopeGen.AspNetCore.ScopeRequirement(Api.Scopes.ApiKey.List).IsSatisfiedBy(new System.Security.Claims.ClaimsPrincipal(identity)));
        Assert.Equal(new[] { "apiKey:rotate" }, requirement.AnyOf);
    }

    private static async Task<HttpResponseMessage> Send(KestrelHost host, string path, string scopes)
    {
        using var request = new HttpRequestMessage(path == "/keys/rotate" ? HttpMethod.Post : HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("X-Test-Scope", scopes);
        return await host.Client.SendAsync(request);
    }
}
