using System.Net;
using System.Net.Http;
using ScopeGen.AspNetCore.Tests.Infrastructure;

namespace ScopeGen.AspNetCore.Tests.Attributes;

public sealed class ScopeAuthorizationApp : IAsyncLifetime
{
    public KestrelHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestApps.StartAsync(TestApps.Registration.ScopeAuthorization);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// [RequireScope] and .RequireScope() on controllers (method, class, base class), minimal APIs (lambda
/// attribute, WithMetadata, extension, groups) and the named policies, over HTTP. Scopes are sent as
/// raw claim values (X-Test-Scope / X-Test-Scp headers).
/// </summary>
public sealed class RequireScopeSemanticsTests : IClassFixture<ScopeAuthorizationApp>
{
    private readonly KestrelHost host;

    public RequireScopeSemanticsTests(ScopeAuthorizationApp app)
    {
        host = app.Host;
    }

    [Theory]
    // Base class (report:read), class (report:list) and method (report:create or report:delete) all hold.
    [InlineData("GET", "/reports/any-of", "report:read report:list report:create", 200)]
    [InlineData("GET", "/reports/any-of", "report:read report:list report:delete", 200)]
    [InlineData("GET", "/reports/any-of", "report:read report:list", 403)]
    [InlineData("GET", "/reports/any-of", "report:list report:create", 403)]
    [InlineData("GET", "/reports/any-of", "report:read report:create", 403)]
    [InlineData("GET", "/reports/any-of", null, 401)]
    [InlineData("GET", "/reports/inherited", "report:read report:list", 200)]
    [InlineData("GET", "/reports/inherited", "report:list", 403)]
    [InlineData("GET", "/reports/inherited", "report:read", 403)]
    [InlineData("GET", "/reports/both", "report:read report:list report:create report:delete", 200)]
    [InlineData("GET", "/reports/both", "report:read report:list report:create", 403)]
    [InlineData("GET", "/reports/both", "report:read report:list report:delete", 403)]
    [InlineData("GET", "/reports/anonymous", null, 200)]
    // Minimal APIs: any-of inside one attribute or call; all-of across calls and groups.
    [InlineData("GET", "/lambda", "report:list", 200)]
    [InlineData("GET", "/lambda", "report:read", 200)]
    [InlineData("GET", "/lambda", "report:create", 403)]
    [InlineData("GET", "/lambda", null, 401)]
    [InlineData("GET", "/with-metadata", "apiKey:rotate", 200)]
    [InlineData("GET", "/with-metadata", "apiKey:list", 403)]
    [InlineData("GET", "/extension", "report:list", 200)]
    [InlineData("GET", "/extension", "report:create", 403)]
    [InlineData("GET", "/chained", "report:read report:list", 200)]
    [InlineData("GET", "/chained", "report:read", 403)]
    [InlineData("GET", "/chained", "report:list", 403)]
    [InlineData("GET", "/keys", "apiKey:list", 200)]
    [InlineData("GET", "/keys", "apiKey:rotate", 403)]
    [InlineData("POST", "/keys/rotate", "apiKey:list apiKey:rotate", 200)]
    [InlineData("POST", "/keys/rotate", "apiKey:rotate", 403)]
    [InlineData("POST", "/keys/rotate", "apiKey:list", 403)]
    [InlineData("GET", "/keys/open", null, 200)]
    // Named policies registered by AddScopeAuthorization: a scope, and a preset (every scope of it).
    [InlineData("GET", "/policy/scope", "apiKey:rotate", 200)]
    [InlineData("GET", "/policy/scope", "apiKey:list", 403)]
    [InlineData("GET", "/policy/scope", null, 401)]
    [InlineData("GET", "/policy/preset", "apiKey:list apiKey:rotate", 200)]
    [InlineData("GET", "/policy/preset", "apiKey:rotate", 403)]
    public async Task Requirements_combine_as_documented(string method, string path, string? scopes, int expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (scopes is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Test-Scope", scopes);
        }

        using var response = await host.Client.SendAsync(request);
        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task Scopes_in_several_claims_and_claim_types_add_up()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/keys/rotate");
        request.Headers.TryAddWithoutValidation("X-Test-Scope", "unrelated:thing");
        request.Headers.TryAddWithoutValidation("X-Test-Scp", "apiKey:list");
        request.Headers.TryAddWithoutValidation("X-Test-Scope", "apiKey:rotate");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
