using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.AspNetCore;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.Evaluation;

/// <summary>
/// <see cref="ScopeAuthorizationOptions.ClaimTypes"/> decides on every evaluation path, whatever the
/// authorization resource: the endpoint's HttpContext, a null or app resource handed to
/// <c>IAuthorizationService</c> by name or by requirement, and a global MVC <c>AuthorizeFilter</c>. (Hub
/// methods: see the SignalR tests.) Each path is an endpoint the caller reaches over HTTP; 200 means granted.
/// </summary>
public sealed class ClaimTypesTests
{
    public static TheoryData<string> Paths() => new()
    {
        "/paths/endpoint",
        "/paths/service-null",
        "/paths/service-object",
        "/paths/service-requirement",
        "/mvc/filtered",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task By_default_scope_scp_and_the_mapped_Entra_type_grant(string path)
    {
        await using var host = await StartAsync(configure: null);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, path, "scope=workflow:create"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, path, "scp=workflow:create"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, path, ScopeAuthorizationOptions.EntraMappedScopeClaimType + "=workflow:create"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, path, "x-scope=workflow:create"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, path, "scope=workflow:read"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Custom_claim_types_replace_the_defaults(string path)
    {
        await using var host = await StartAsync(options =>
        {
            options.ClaimTypes.Clear();
            options.ClaimTypes.Add("x-scope");
        });

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, path, "x-scope=workflow:create"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, path, "scope=workflow:create"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, path, "scp=workflow:create"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Empty_claim_types_grant_nothing(string path)
    {
        await using var host = await StartAsync(options => options.ClaimTypes.Clear());

        foreach (var type in new[] { "scope", "scp", "x-scope", ScopeAuthorizationOptions.EntraMappedScopeClaimType })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, path, type + "=workflow:create"));
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(KestrelHost host, string path, string claim)
    {
        using var response = await host.SendAsync(path, scopes: null, claim: claim);
        return response.StatusCode;
    }

    private static Task<KestrelHost> StartAsync(Action<ScopeAuthorizationOptions>? configure) => HostApp.StartAsync(
        builder =>
        {
            HostApp.ScopeAuthorization(builder, configure);

            // A global filter by policy name: the named policy of the manifest scope.
            builder.Services.AddControllers(options => options.Filters.Add(new AuthorizeFilter(Scopes.Workflow.Create)));
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapControllers();
            app.MapGet("/paths/endpoint", [RequireScope(Scopes.Workflow.Create)] () => "ok");
            var service = app.MapGroup("/paths").RequireAuthorization();
            service.MapGet("/service-null", (HttpContext context, IAuthorizationService authorization) =>
                Decide(authorization.AuthorizeAsync(context.User, null, Scopes.Workflow.Create)));
            service.MapGet("/service-object", (HttpContext context, IAuthorizationService authorization) =>
                Decide(authorization.AuthorizeAsync(context.User, new object(), Scopes.Workflow.Create)));
            service.MapGet("/service-requirement", (HttpContext context, IAuthorizationService authorization) =>
                Decide(authorization.AuthorizeAsync(context.User, null, new ScopeRequirement(Scopes.Workflow.Create))));
        });

    private static async Task<IResult> Decide(Task<AuthorizationResult> result) =>
        (await result).Succeeded ? Results.Ok("ok") : Results.StatusCode(StatusCodes.Status403Forbidden);
}
