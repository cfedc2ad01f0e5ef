using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace N8nApi.Keys;

/// <summary>Body of <c>POST /rest/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password);

/// <summary>Body of <c>POST /rest/api-keys</c>: <c>expiresAt</c> null (or absent) means the key never expires.</summary>
public sealed record CreateApiKeyRequest(string? Label, DateTimeOffset? ExpiresAt, List<string>? Scopes);

/// <summary>A key as listed: never the key, its masked form only.</summary>
public sealed record ApiKeyView(string Id, string Label, string MaskedKey, string[] Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);

/// <summary>The answer to a creation: the only time the key itself is sent.</summary>
public sealed record CreatedApiKey(string Id, string Label, string ApiKey, string MaskedKey, string[] Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <summary>
/// n8n's internal REST routes for the settings page, shaped like n8n's own: sign in with a cookie, then
/// list, create and delete your API keys. An API key cannot call these (they authenticate the session
/// cookie only), and every state change needs the antiforgery token in <see cref="AntiforgeryHeaderName"/>.
/// </summary>
public static class KeyManagementEndpoints
{
    public const string SessionScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string SessionCookieName = "n8n-sample-session";
    public const string AntiforgeryHeaderName = "X-XSRF-TOKEN";
    public const string AntiforgeryCookieName = "n8n-sample-antiforgery";

    /// <summary>Longest label accepted.</summary>
    public const int MaxLabelLength = 100;

    /// <summary>The cookie session and antiforgery services the routes need.</summary>
    public static void AddKeyManagement(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(SessionScheme, cookie =>
        {
            cookie.Cookie.Name = SessionCookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // A REST client gets a status code, not a redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryHeaderName;
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public static void MapKeyManagement(this IEndpointRouteBuilder app)
    {
        // These routes are for a signed-in person, not an API key: what they may do is decided by the
        // user's role (RoleGrants), so no API scope applies and SCOPE001 is silenced here on purpose.
#pragma warning disable SCOPE001
        var signedIn = new AuthorizationPolicyBuilder(SessionScheme).RequireAuthenticatedUser().Build();
        // The settings page's internal routes, not the public API: left out of the OpenAPI document, like n8n's /rest.
        var rest = app.MapGroup("/rest").AddEndpointFilter(ValidateAntiforgeryOnStateChange).ExcludeFromDescription();

        // The token for the X-XSRF-TOKEN header, bound to the current session (fetch it again after signing in).
        rest.MapGet("/antiforgery", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            await UseSessionUserAsync(context);
            return Results.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken, headerName = AntiforgeryHeaderName });
        }).AllowAnonymous();

        rest.MapPost("/login", async (LoginRequest? body, HttpContext context, UserStore users) =>
        {
            var user = body?.Email is { Length: > 0 } email && body.Password is { Length: > 0 } password ? users.SignIn(email, password) : null;
            if (user is null)
            {
                return Results.Problem(title: "Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);
            }

            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                new[]
                {
                    new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                    new Claim(ClaimTypes.Name, user.Email),
                    new Claim(ClaimTypes.Role, user.Role),
                },
                SessionScheme));
            await context.SignInAsync(SessionScheme, principal);
            return Results.Ok(new { id = user.Id, email = user.Email, role = user.Role });
        }).AllowAnonymous();

        rest.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(SessionScheme);
            return Results.NoContent();
        }).RequireAuthorization(signedIn);

        rest.MapGet("/me", (HttpContext context, UserStore users) =>
            CurrentUser(context, users) is { } user ? Results.Ok(new { id = user.Id, email = user.Email, role = user.Role }) : Results.Unauthorized())
            .RequireAuthorization(signedIn);

        var keys = rest.MapGroup("/api-keys").RequireAuthorization(signedIn);

        keys.MapGet("", (HttpContext context, UserStore users, ApiKeyStore store, ApiKeyUsage usage) =>
        {
            if (CurrentUser(context, users) is not { } user)
            {
                return Results.Unauthorized();
            }

            // Last-used: what memory holds since start, else what the last flush stored.
            var stored = StoredLastUsed(usage, store.ListFor(user.Id));
            return Results.Ok(store.ListFor(user.Id).Select(record => new ApiKeyView(
                record.Id,
                record.Label,
                record.MaskedKey,
                ScopeGrants.Parse(record.Scopes),
                record.CreatedAt,
                record.ExpiresAt,
                usage.LastUsed(record.Id, stored.GetValueOrDefault(record.Id)))).ToArray());
        });

        keys.MapGet("/scopes", (HttpContext context, UserStore users, RoleGrants grants) =>
        {
            if (CurrentUser(context, users) is not { } user)
            {
                return Results.Unauthorized();
            }

            return Results.Ok(new
            {
                role = user.Role,
                scopes = grants.For(user.Role),
                presets = grants.PresetsFor(user.Role).Select(preset => new { name = preset.Name, scopes = preset.Scopes }),
            });
        });

        keys.MapPost("", (CreateApiKeyRequest? body, HttpContext context, UserStore users, ApiKeyStore store, RoleGrants grants, TimeProvider clock) =>
        {
            if (CurrentUser(context, users) is not { } user)
            {
                return Results.Unauthorized();
            }

            var now = clock.GetUtcNow();
            var errors = Validate(body, user, grants, now);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The API key was not created.");
            }

            var key = ApiKeySecrets.NewKey();
            var record = store.Add(user.Id, body!.Label!.Trim(), key, ScopeGrants.Serialize(body.Scopes!), now, body.ExpiresAt);
            return Results.Json(
                new CreatedApiKey(record.Id, record.Label, key, record.MaskedKey, ScopeGrants.Parse(record.Scopes), record.CreatedAt, record.ExpiresAt),
                statusCode: StatusCodes.Status201Created);
        });

        keys.MapDelete("/{id}", (string id, HttpContext context, UserStore users, ApiKeyStore store, ApiKeyUsage usage) =>
        {
            if (CurrentUser(context, users) is not { } user)
            {
                return Results.Unauthorized();
            }

            if (!store.Delete(user.Id, id))
            {
                return Results.Problem(title: "No such API key.", statusCode: StatusCodes.Status404NotFound);
            }

            usage.Forget(id);
            return Results.NoContent();
        });
#pragma warning restore SCOPE001
    }

    private static Dictionary<string, string[]> Validate(CreateApiKeyRequest? body, SampleUser user, RoleGrants grants, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is null)
        {
            errors["body"] = new[] { "A JSON body {label, expiresAt, scopes} is required." };
            return errors;
        }

        var label = body.Label?.Trim();
        if (string.IsNullOrEmpty(label))
        {
            errors["label"] = new[] { "A label is required." };
        }
        else if (label.Length > MaxLabelLength)
        {
            errors["label"] = new[] { $"A label has at most {MaxLabelLength} characters; this one has {label.Length}." };
        }

        if (body.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            errors["expiresAt"] = new[] { "The expiration must be in the future (or null for a key that never expires)." };
        }

        if (body.Scopes is null || body.Scopes.Count == 0)
        {
            errors["scopes"] = new[] { "Choose at least one scope." };
        }
        else
        {
            ScopeGrants.TryParse(body.Scopes, out var requested, out var unknown);
            var problems = new List<string>(unknown);
            foreach (var scope in requested)
            {
                if (!grants.MayGrant(user.Role, scope))
                {
                    problems.Add($"The role '{user.Role}' may not grant '{scope}'.");
                }
            }

            if (problems.Count > 0)
            {
                errors["scopes"] = problems.ToArray();
            }
        }

        return errors;
    }

    /// <summary>The signed-in user, read again from the database: a deleted user's cookie grants nothing.</summary>
    private static SampleUser? CurrentUser(HttpContext context, UserStore users) =>
        long.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? users.Find(id) : null;

    private static Dictionary<string, DateTimeOffset?> StoredLastUsed(ApiKeyUsage usage, IReadOnlyList<ApiKeyRecord> records) =>
        records.ToDictionary(record => record.Id, record => usage.Stored(record.Id), StringComparer.Ordinal);

    /// <summary>
    /// Every POST, PUT, PATCH and DELETE under /rest (sign-in included, against login CSRF) needs the
    /// antiforgery token, checked against the session cookie's user.
    /// </summary>
    private static async ValueTask<object?> ValidateAntiforgeryOnStateChange(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return await next(invocation);
        }

        await UseSessionUserAsync(context);
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(
                title: "Antiforgery token missing or invalid.",
                detail: $"Send the token from GET /rest/antiforgery in the {AntiforgeryHeaderName} header (fetch a new one after signing in).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(invocation);
    }

    /// <summary>The request's user is the session cookie's (or nobody), whatever the default scheme made of it.</summary>
    private static async Task UseSessionUserAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync(SessionScheme);
        context.User = session.Succeeded ? session.Principal! : new ClaimsPrincipal(new ClaimsIdentity());
    }
}
