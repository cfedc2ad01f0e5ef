using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ScopeGen.AspNetCore;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.Bearer;

/// <summary>
/// Entra-shaped JWTs through JwtBearer with its default options (inbound claim mapping on), and the 403
/// that names the missing scopes: RFC 6750 §3.1 for bearer requests, problem details otherwise.
/// </summary>
public sealed class BearerTests
{
    private const string Path = "/workflows";

    [Fact]
    public async Task An_Entra_token_through_JwtBearer_with_default_options_is_authorized_by_its_mapped_scp_claim()
    {
        await using var host = await StartJwtAsync(configure: null);

        Assert.Equal(HttpStatusCode.OK, await BearerStatusAsync(host, EntraTokens.Create("workflow:list workflow:read")));
        Assert.Equal(HttpStatusCode.Forbidden, await BearerStatusAsync(host, EntraTokens.Create("workflow:list")));
        Assert.Equal(HttpStatusCode.Unauthorized, await BearerStatusAsync(host, token: null));
    }

    [Fact]
    public async Task JwtBearer_really_renames_scp_so_reading_only_scp_would_deny_it()
    {
        // The control for the test above: the default claim types pass because they include the mapped type.
        await using var host = await StartJwtAsync(options =>
        {
            options.ClaimTypes.Clear();
            options.ClaimTypes.Add("scp");
        });

        Assert.Equal(HttpStatusCode.Forbidden, await BearerStatusAsync(host, EntraTokens.Create("workflow:read")));
    }

    [Fact]
    public async Task A_bearer_caller_without_the_scope_gets_the_RFC_6750_insufficient_scope_challenge()
    {
        await using var host = await StartJwtAsync(configure: null);

        using var response = await SendBearerAsync(host, "/any-of", EntraTokens.Create("workflow:list"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("error=\"insufficient_scope\", scope=\"workflow:read workflow:delete\"", challenge.Parameter);
    }

    [Fact]
    public async Task Unauthenticated_and_authorized_callers_get_no_insufficient_scope_challenge()
    {
        await using var host = await StartJwtAsync(configure: null);

        using var anonymous = await SendBearerAsync(host, Path, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain(anonymous.Headers.WwwAuthenticate, header => (header.Parameter ?? string.Empty).Contains("insufficient_scope", StringComparison.Ordinal));

        using var invalid = await SendBearerAsync(host, Path, "not.a.token");
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        Assert.DoesNotContain(invalid.Headers.WwwAuthenticate, header => (header.Parameter ?? string.Empty).Contains("insufficient_scope", StringComparison.Ordinal));

        using var allowed = await SendBearerAsync(host, Path, EntraTokens.Create("workflow:read"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Empty(allowed.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task The_challenge_can_be_turned_off()
    {
        await using var host = await StartJwtAsync(options => options.DescribeInsufficientScope = false);

        using var response = await SendBearerAsync(host, Path, EntraTokens.Create("workflow:list"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_caller_of_another_scheme_gets_a_problem_details_body_with_the_required_scopes()
    {
        await using var host = await HostApp.StartAsync(
            builder => HostApp.ScopeAuthorization(builder),
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                MapEndpoints(app);
            });

        using var response = await host.SendAsync("/all-of", "workflow:read workflow:list");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(403, body["status"]!.GetValue<int>());
        Assert.Equal(InsufficientScopeResultHandler.ProblemType, body["type"]!.GetValue<string>());

        // Only the requirement the caller failed: workflow:delete or workflow:create (it holds workflow:read).
        Assert.Equal("""{"allOf":[["workflow:delete","workflow:create"]]}""", body["requiredScopes"]!.ToJsonString());

        using var unauthenticated = await host.SendAsync("/all-of", scopes: null);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Empty(await unauthenticated.Content.ReadAsByteArrayAsync());
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet(Path, [RequireScope(Scopes.Workflow.Read)] () => "ok");
        app.MapGet("/any-of", () => "ok").RequireScope(Scopes.Workflow.Read, Scopes.Workflow.Delete);
        app.MapGet("/all-of", () => "ok").RequireScope(Scopes.Workflow.Read).RequireScope(Scopes.Workflow.Delete, Scopes.Workflow.Create);
    }

    private static Task<KestrelHost> StartJwtAsync(Action<ScopeAuthorizationOptions>? configure) => HostApp.StartAsync(
        builder =>
        {
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
            {
                // Only what a test issuer needs; claim mapping and everything else stay at their defaults.
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = EntraTokens.Issuer,
                    ValidAudience = EntraTokens.Audience,
                    IssuerSigningKey = EntraTokens.SigningKey,
                };
            });
            builder.Services.AddScopeAuthorization(configure);
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            MapEndpoints(app);
        });

    private static async Task<HttpStatusCode> BearerStatusAsync(KestrelHost host, string? token)
    {
        using var response = await SendBearerAsync(host, Path, token);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> SendBearerAsync(KestrelHost host, string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return host.Client.SendAsync(request);
    }
}
