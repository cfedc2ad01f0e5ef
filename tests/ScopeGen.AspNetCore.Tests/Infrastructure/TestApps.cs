using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.AspNetCore.Tests.Api;

namespace ScopeGen.AspNetCore.Tests.Infrastructure;

/// <summary>Small apps over the test project's own generated code (test.scopes.yaml), on Kestrel.</summary>
public static class TestApps
{
    public enum Registration
    {
        /// <summary><c>AddScopeAuthorization()</c>, as documented.</summary>
        ScopeAuthorization,

        /// <summary>Only <c>AddAuthorization()</c>: the app forgot <c>AddScopeAuthorization()</c>.</summary>
        AuthorizationOnly,

        /// <summary>Neither services nor <c>UseAuthorization()</c>: the app forgot authorization altogether.</summary>
        NoAuthorization,
    }

    public static async Task<KestrelHost> StartAsync(Registration registration, Action<ScopeGen.AspNetCore.ScopeAuthorizationOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(KestrelHost.Options(typeof(TestApps).Assembly));
        var logs = KestrelHost.Prepare(builder);
        ScopeHeaderAuthenticationHandler.Add(builder.Services);
        switch (registration)
        {
            case Registration.ScopeAuthorization:
                builder.Services.AddScopeAuthorization(configure);
                break;
            case Registration.AuthorizationOnly:
                builder.Services.AddAuthorization();
                break;
        }

        builder.Services.AddControllers();
        var app = builder.Build();
        app.UseAuthentication();
        if (registration != Registration.NoAuthorization)
        {
            app.UseAuthorization();
        }

        app.MapControllers();
        app.MapGet("/lambda", [RequireScope(Scopes.Report.Read, Scopes.Report.List)] () => "ok");
        app.MapGet("/with-metadata", () => "ok").WithMetadata(new RequireScopeAttribute(Scopes.ApiKey.Rotate));
        app.MapGet("/extension", () => "ok").RequireScope(Scopes.Report.Read, Scopes.Report.List);
        app.MapGet("/chained", () => "ok").RequireScope(Scopes.Report.Read).RequireScope(Scopes.Report.List);
        var keys = app.MapGroup("/keys").RequireScope(Scopes.ApiKey.List);
        keys.MapGet("", () => "ok");
        keys.MapPost("/rotate", () => "ok").RequireScope(Scopes.ApiKey.Rotate);
        keys.MapGet("/open", () => "ok").AllowAnonymous();
        if (registration == Registration.ScopeAuthorization)
        {
            app.MapGet("/policy/scope", [Authorize(Policy = Scopes.ApiKey.Rotate)] () => "ok");
            app.MapGet("/policy/preset", () => "ok").RequireAuthorization("keyAdmin");
        }

        return await KestrelHost.StartAsync(app, logs);
    }
}
