using System;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using N8nApi.Auth;
using N8nApi.Data;
using N8nApi.Endpoints;
using N8nApi.Keys;
using N8nApi.SettingsPage;
using N8nApi.Storage;

namespace N8nApi;

/// <summary>Builds the sample app; <c>Program</c> runs it, the tests start it on a random port.</summary>
public static class N8nApiApp
{
    /// <summary>Configuration flag that serves <c>/openapi/v1.json</c> outside Development.</summary>
    public const string OpenApiEnabledKey = "OpenApi:Enabled";

    /// <summary>Where the caller's reachable endpoints are listed.</summary>
    public const string DiscoveryPath = "/api/v1/discover";

    /// <summary>Configuration key of the RFC 9728 resource identifier.</summary>
    public const string ProtectedResourceKey = "ProtectedResource:Resource";

    /// <summary>Configuration key of the RFC 9728 authorization servers (a list).</summary>
    public const string AuthorizationServersKey = "ProtectedResource:AuthorizationServers";

    /// <summary>The resource identifier when none is configured: the API's default local address.</summary>
    public const string DefaultResource = "http://localhost:5678/api/v1";

    /// <summary>Builds the app. <paramref name="configure"/> runs after the sample's own service setup (tests add keys and URLs there).</summary>
    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);

        // Users and API keys live in one SQLite file (ConnectionStrings:N8nApi); the API's resources are
        // in-memory demo data (N8nData), reset on every start.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SampleDatabase>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<ApiKeyUsage>();
        builder.Services.AddHostedService<ApiKeyUsageFlusher>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<RoleGrants>();
        builder.Services.Configure<ApiKeyUsageOptions>(builder.Configuration.GetSection(ApiKeyUsageOptions.SectionName));
        builder.Services.Configure<UserOptions>(builder.Configuration.GetSection(UserOptions.SectionName));
        builder.Services.AddSingleton<N8nData>();
        builder.Services.AddProblemDetails();

        // X-N8N-API-KEY is the default scheme: /api/v1 never looks at the session cookie, and /rest
        // (key management, the session cookie) never accepts an API key.
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddKeyManagement();

        // The scope handler and one policy per manifest scope and preset. An endpoint that states no
        // scope at all still needs an authenticated caller (the fallback policy); the health check opts out.
        builder.Services.AddScopeAuthorization();
        builder.Services.AddAuthorization(authorization =>
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // Named explicitly: under a test host the entry assembly is not this one.
        builder.Services.AddControllers().AddApplicationPart(typeof(N8nApiApp).Assembly);

        // The OpenAPI document states each operation's scopes (x-required-scopes, security, 401/403),
        // read from the same metadata the authorization middleware enforces.
        builder.Services.AddOpenApi(openApi => openApi.AddScopeRequirements(scopes => scopes.UseApiKeyHeader(ApiKeyAuthenticationHandler.HeaderName)));

        configure?.Invoke(builder);

        var app = builder.Build();

        // The database is created or migrated before the first request, and seeded (Users:Seed; demo keys in Development).
        app.Services.GetRequiredService<SampleDatabase>().Migrate();
        SampleSeed.Run(
            app.Services.GetRequiredService<IOptions<UserOptions>>(),
            app.Services.GetRequiredService<UserStore>(),
            app.Services.GetRequiredService<ApiKeyStore>(),
            app.Services.GetRequiredService<RoleGrants>(),
            app.Environment,
            app.Services.GetRequiredService<TimeProvider>());

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/healthz", [AllowAnonymous] () => Results.Ok(new { status = "ok" }));
        app.MapControllers();
        app.MapN8nEndpoints();
        app.MapN8nInstanceEndpoints();
        app.MapKeyManagement();
        app.MapSettingsPage();

        // What the caller's own key can reach (like n8n's /discover), and RFC 9728 metadata for OAuth
        // clients: the resource identifier and authorization servers come from configuration.
        app.MapScopeDiscovery(DiscoveryPath);
        app.MapProtectedResourceMetadata(metadata =>
        {
            metadata.Resource = app.Configuration[ProtectedResourceKey] ?? DefaultResource;
            foreach (var server in app.Configuration.GetSection(AuthorizationServersKey).Get<string[]>() ?? Array.Empty<string>())
            {
                metadata.AuthorizationServers.Add(server);
            }

            metadata.ResourceName = "n8n-style API (ScopeGen sample)";
        });

        // /openapi/v1.json: in Development, or anywhere with OpenApi:Enabled=true. Public, like n8n's spec:
        // it names scopes, never keys.
        if (ServesOpenApi(app))
        {
            app.MapOpenApi().AllowAnonymous();
        }

        return app;
    }

    /// <summary>Whether <c>/openapi/v1.json</c> is served: in Development, or with <see cref="OpenApiEnabledKey"/> set to true.</summary>
    public static bool ServesOpenApi(WebApplication app) =>
        app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>(OpenApiEnabledKey);

    /// <summary>The listening addresses once started.</summary>
    public static string[] Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? Array.Empty<string>();

    /// <summary>The start-up banner: URL, database, the demo keys and sign-in (Development only) and three curl lines.</summary>
    public static void PrintBanner(WebApplication app, TextWriter output)
    {
        var url = Addresses(app).FirstOrDefault() ?? "http://127.0.0.1:5678";
        var store = app.Services.GetRequiredService<ApiKeyStore>();
        output.WriteLine($"n8n-style API (ScopeGen sample) listening on {url}");
        output.WriteLine($"  {store.Count} API key(s) in {app.Services.GetRequiredService<SampleDatabase>().FilePath}; health: {url}/healthz");
        output.WriteLine($"  Manage API keys: {url}{SettingsPageEndpoints.Path}");
        if (ServesOpenApi(app))
        {
            output.WriteLine($"  OpenAPI document (each operation's scopes): {url}/openapi/v1.json");
        }

        var demo = app.Environment.IsDevelopment() && store.Find(DemoKeys.ReadOnly) is not null && store.Find(DemoKeys.Full) is not null;
        if (!demo)
        {
            output.WriteLine("  Demo keys and users exist in the Development environment only (ASPNETCORE_ENVIRONMENT=Development);");
            output.WriteLine($"  elsewhere, seed users in {UserOptions.SectionName}:Seed and create keys on the settings page.");
            return;
        }

        var seeds = app.Services.GetRequiredService<IOptions<UserOptions>>().Value;
        output.WriteLine();
        output.WriteLine("  Sign in to the settings page as (Development only):");
        foreach (var user in seeds.Seed)
        {
            var preset = seeds.RolePresets.TryGetValue(user.Role, out var name) ? name : "nothing";
            output.WriteLine($"    {user.Email} / {user.Password}  ({user.Role}: may grant the {preset} preset)");
        }

        output.WriteLine();
        output.WriteLine($"  Read-only key (preset readOnly): {DemoKeys.ReadOnly}");
        output.WriteLine($"  Full key (preset full):          {DemoKeys.Full}");
        output.WriteLine();
        output.WriteLine("  200, list workflows with the read-only key:");
        output.WriteLine($"    curl -i -H 'X-N8N-API-KEY: {DemoKeys.ReadOnly}' {url}/api/v1/workflows");
        output.WriteLine("  403, create a workflow with the read-only key (needs workflow:create):");
        output.WriteLine($"    curl -i -X POST -H 'X-N8N-API-KEY: {DemoKeys.ReadOnly}' -H 'Content-Type: application/json' -d '{{\"name\":\"demo\"}}' {url}/api/v1/workflows");
        output.WriteLine("  401, no key:");
        output.WriteLine($"    curl -i {url}/api/v1/workflows");
        output.WriteLine();
    }
}
