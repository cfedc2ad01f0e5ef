using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.OpenApi.Tests.Api;
using ScopeGen.OpenApi.Tests.Infrastructure;

namespace ScopeGen.OpenApi.Tests.Transformer;

/// <summary>
/// A small app over this project's generated code (openapi-test.scopes.yaml) with every way to state
/// scopes: any-of, all-of, groups, named scope and preset policies, policy objects, roles, controllers
/// with attributes and a <c>MapControllers()</c> convention, anonymous and authenticated-only endpoints.
/// </summary>
internal static class ShapesApp
{
    public static async Task<KestrelHost> StartAsync(Action<ScopeGen.AspNetCore.ScopeOpenApiOptions>? configure, bool fallbackRequiresAuthentication = false)
    {
        var builder = WebApplication.CreateBuilder(KestrelHost.Options(typeof(ShapesApp).Assembly));
        KestrelHost.Prepare(builder);
        builder.Services.AddAuthentication(ScopeHeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ScopeHeaderAuthenticationHandler>(ScopeHeaderAuthenticationHandler.SchemeName, null);
        builder.Services.AddScopeAuthorization();
        if (fallbackRequiresAuthentication)
        {
            builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }

        // Only this assembly's controllers: not the N8nApi sample's, which this project also references.
        builder.Services.AddControllers().ConfigureApplicationPartManager(parts =>
        {
            parts.ApplicationParts.Clear();
            parts.ApplicationParts.Add(new AssemblyPart(typeof(ShapesApp).Assembly));
        });
        builder.Services.AddOpenApi(options => options.AddScopeRequirements(configure));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapControllers().RequireScope(Scopes.Report.List);

        app.MapGet("/any", () => "ok").RequireScope(Scopes.Report.Read, Scopes.Report.List);
        app.MapGet("/all", () => "ok").RequireScope(Scopes.Report.Read).RequireScope(Scopes.ApiKey.Rotate);
        app.MapGet("/mixed", () => "ok").RequireScope(Scopes.Report.Read, Scopes.Report.List).RequireScope(Scopes.ApiKey.Rotate);
        app.MapGet("/redundant", () => "ok").RequireScope(Scopes.Report.Read).RequireScope(Scopes.Report.List, Scopes.Report.Read).RequireScope(Scopes.Report.Read);
        app.MapGet("/lambda", [RequireScope(Scopes.Report.Create)] () => "ok");
        var keys = app.MapGroup("/keys").RequireScope(Scopes.ApiKey.List);
        keys.MapGet("", () => "ok");
        keys.MapPost("/rotate", () => "ok").RequireScope(Scopes.ApiKey.Rotate);
        keys.MapGet("/open", () => "ok").AllowAnonymous();
        app.MapGet("/policy/scope", [Authorize(Policy = Scopes.ApiKey.Rotate)] () => "ok");
        app.MapGet("/policy/preset", () => "ok").RequireAuthorization("keyAdmin");
        app.MapGet("/policy/object", () => "ok").RequireAuthorization(new AuthorizationPolicyBuilder().AddRequirements(new ScopeGen.AspNetCore.ScopeRequirement(Scopes.Report.Create)).Build());
        app.MapGet("/authenticated", () => "ok").RequireAuthorization();
        app.MapGet("/role", () => "ok").RequireAuthorization(policy => policy.RequireRole("admin"));
        app.MapGet("/unprotected", () => "ok");
        app.MapGet("/documented-403", () => "ok").RequireScope(Scopes.Report.Read).Produces(StatusCodes.Status403Forbidden);

        // 2^5 = 32 alternatives: more than ScopeOpenApiTransformer.MaxSecurityAlternatives.
        app.MapGet("/many", () => "ok")
            .RequireScope(Scopes.Report.Read, Scopes.Report.List)
            .RequireScope(Scopes.Report.Create, Scopes.Report.List)
            .RequireScope(Scopes.ApiKey.List, Scopes.Report.Read)
            .RequireScope(Scopes.ApiKey.Rotate, Scopes.Report.Create)
            .RequireScope(Scopes.Report.List, Scopes.ApiKey.Rotate);
        return await KestrelHost.StartAsync(app);
    }
}

/// <summary>Scopes from attributes on the class and the action, plus the <c>MapControllers()</c> convention.</summary>
[ApiController]
[Route("reports")]
[RequireScope(Scopes.Report.Read)]
public sealed class ReportsController : ControllerBase
{
    [HttpPost]
    [RequireScope(Scopes.Report.Create)]
    public string Create() => "ok";

    [HttpGet("public")]
    [AllowAnonymous]
    public string Public() => "ok";
}
