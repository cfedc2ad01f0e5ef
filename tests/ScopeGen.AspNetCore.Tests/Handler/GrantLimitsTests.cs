using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScopeGen.AspNetCore.Tests.Api;
using ScopeGen.AspNetCore.Tests.Infrastructure;

namespace ScopeGen.AspNetCore.Tests.Handler;

/// <summary>
/// What never grants a scope, through the public surface only (<c>AddScopeAuthorization</c>, the policies,
/// <c>.RequireScope()</c>) so it holds however the handler is wired: an empty <c>ClaimTypes</c> list, claim
/// types outside the list, an empty required scope, and scope claims on an identity no authentication
/// handler vouched for, whether it is the only identity or sits beside an authenticated one.
/// </summary>
public sealed class GrantLimitsTests
{
    private const string ForgedScopeHeader = "X-Forged-Scope";

    [Fact]
    public async Task An_empty_ClaimTypes_list_grants_nothing_through_the_authorization_service()
    {
        using var services = Services(options => options.ClaimTypes.Clear());
        var user = Authenticated(("scope", Scopes.Report.Read), ("scp", Scopes.Report.Read));

        Assert.False(await AuthorizeAsync(services, user, Scopes.Report.Read));

        using var defaults = Services(null);
        Assert.True(await AuthorizeAsync(defaults, user, Scopes.Report.Read));
    }

    [Fact]
    public async Task Only_the_configured_claim_types_grant_through_the_authorization_service()
    {
        using var services = Services(options =>
        {
            options.ClaimTypes.Clear();
            options.ClaimTypes.Add("permissions");
        });

        Assert.True(await AuthorizeAsync(services, Authenticated(("permissions", Scopes.Report.Read)), Scopes.Report.Read));
        Assert.False(await AuthorizeAsync(services, Authenticated(("scope", Scopes.Report.Read)), Scopes.Report.Read));
        Assert.False(await AuthorizeAsync(services, Authenticated(("Permissions", Scopes.Report.Read)), Scopes.Report.Read));
    }

    [Fact]
    public async Task Scope_claims_on_an_unauthenticated_identity_grant_nothing_through_the_authorization_service()
    {
        using var services = Services(null);
        var claims = new[] { new Claim("scope", Scopes.Report.Read), new Claim("scp", Scopes.Report.Read) };
        var unauthenticated = new ClaimsPrincipal(new ClaimsIdentity(claims));
        var beside = new ClaimsPrincipal(new[] { new ClaimsIdentity(new[] { new Claim("scope", Scopes.Report.List) }, "Bearer"), new ClaimsIdentity(claims) });

        Assert.False(await AuthorizeAsync(services, unauthenticated, Scopes.Report.Read));
        Assert.False(await AuthorizeAsync(services, beside, Scopes.Report.Read));
        Assert.True(await AuthorizeAsync(services, beside, Scopes.Report.List));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("report:read ")]
    [InlineData(" report:read")]
    [InlineData("report:read  report:list")]
    public void An_empty_scope_is_never_contained(string granted)
    {
        Assert.False(ScopeRequirement.ContainsScope(granted, string.Empty));
        Assert.False(ScopeRequirement.ContainsScope(granted, null));
    }

    [Fact]
    public void An_empty_scope_cannot_be_required()
    {
        Assert.Throws<ArgumentException>(() => new ScopeRequirement(string.Empty));
        Assert.Throws<ArgumentException>(() => new ScopeRequirement(Scopes.Report.Read, string.Empty));
    }

    [Fact]
    public async Task On_Kestrel_an_empty_ClaimTypes_list_denies_every_caller()
    {
        await using var open = await StartAsync(null);
        await using var closed = await StartAsync(options => options.ClaimTypes.Clear());

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(open, "/report", scope: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(open, "/report", scp: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(closed, "/report", scope: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(closed, "/report", scp: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(closed, "/report", scope: Scopes.Report.Read + " " + Scopes.Report.List, scp: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(closed, "/policy", scope: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(closed, "/report"));
    }

    [Fact]
    public async Task On_Kestrel_only_the_configured_claim_type_grants()
    {
        await using var host = await StartAsync(options =>
        {
            options.ClaimTypes.Clear();
            options.ClaimTypes.Add("scp");
        });

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/report", scp: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, "/report", scope: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/policy", scp: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, "/policy", scope: Scopes.Report.Read));
    }

    [Fact]
    public async Task On_Kestrel_scope_claims_a_middleware_adds_without_authentication_grant_nothing()
    {
        await using var host = await StartAsync(null);

        // Alone: the caller is anonymous, so the answer is a challenge.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, "/report", forged: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, "/policy", forged: Scopes.Report.Read));

        // Beside an authenticated identity that lacks the scope: still no grant.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, "/report", scope: Scopes.Report.List, forged: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, "/policy", scope: Scopes.Report.List, forged: Scopes.Report.Read));

        // The same scope from the authenticated identity does grant: the forged one is what is ignored.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/report", scope: Scopes.Report.Read, forged: Scopes.Report.List));
    }

    [Fact]
    public async Task On_Kestrel_a_ticket_whose_identity_is_not_authenticated_grants_nothing()
    {
        await using var host = await StartAsync(null, UnauthenticatedTicketHandler.SchemeName);

        // The scheme succeeded, so ASP.NET Core forbids rather than challenges; the scope is what is refused.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, "/report", scope: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, "/policy", scope: Scopes.Report.Read));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, "/report"));
    }

    private static ServiceProvider Services(Action<ScopeAuthorizationOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScopeAuthorization(configure);
        return services.BuildServiceProvider();
    }

    /// <summary>Evaluates the scope's policy as the authorization middleware does, with the request as resource.</summary>
    private static async Task<bool> AuthorizeAsync(ServiceProvider services, ClaimsPrincipal user, string scope)
    {
        await using var scopeServices = services.CreateAsyncScope();
        var httpContext = new DefaultHttpContext { RequestServices = scopeServices.ServiceProvider, User = user };
        var authorization = scopeServices.ServiceProvider.GetRequiredService<IAuthorizationService>();
        var byPolicy = await authorization.AuthorizeAsync(user, httpContext, scope);
        var byRequirement = await authorization.AuthorizeAsync(user, httpContext, new IAuthorizationRequirement[] { new ScopeRequirement(scope) });
        Assert.Equal(byPolicy.Succeeded, byRequirement.Succeeded);
        return byPolicy.Succeeded;
    }

    private static ClaimsPrincipal Authenticated(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "Bearer"));

    private static async Task<KestrelHost> StartAsync(Action<ScopeAuthorizationOptions>? configure, string scheme = ScopeHeaderAuthenticationHandler.SchemeName)
    {
        var builder = WebApplication.CreateBuilder(KestrelHost.Options(typeof(GrantLimitsTests).Assembly));
        var logs = KestrelHost.Prepare(builder);
        builder.Services.AddAuthentication(scheme)
            .AddScheme<AuthenticationSchemeOptions, ScopeHeaderAuthenticationHandler>(ScopeHeaderAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, UnauthenticatedTicketHandler>(UnauthenticatedTicketHandler.SchemeName, null);
        builder.Services.AddScopeAuthorization(configure);
        var app = builder.Build();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // A careless app that turns a request header into claims without authenticating anything.
            if (context.Request.Headers.TryGetValue(ForgedScopeHeader, out var forged))
            {
                context.User.AddIdentity(new ClaimsIdentity(new[] { new Claim("scope", forged.ToString()) }));
            }

            await next(context);
        });
        app.UseAuthorization();
        app.MapGet("/report", () => "ok").RequireScope(Scopes.Report.Read);
        app.MapGet("/policy", () => "ok").RequireAuthorization(Scopes.Report.Read);
        return await KestrelHost.StartAsync(app, logs);
    }

    private static async Task<HttpStatusCode> StatusAsync(KestrelHost host, string path, string? scope = null, string? scp = null, string? forged = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (scope is not null)
        {
            request.Headers.Add("X-Test-Scope", scope);
        }

        if (scp is not null)
        {
            request.Headers.Add("X-Test-Scp", scp);
        }

        if (forged is not null)
        {
            request.Headers.Add(ForgedScopeHeader, forged);
        }

        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A scheme that returns a ticket whose identity carries the header's scope claims but no authentication type.</summary>
    private sealed class UnauthenticatedTicketHandler : AuthenticationHandler<AuthenticationSchemeOptions>
    {
        public const string SchemeName = "UnauthenticatedTicket";

        public UnauthenticatedTicketHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
            : base(options, logger, encoder)
        {
        }

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-Scope", out var values))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity(values.Select(value => new Claim("scope", value ?? string.Empty)));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
