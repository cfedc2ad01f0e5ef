using System;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using N8nApi.Keys;

namespace N8nApi.Auth;

/// <summary>Options of the <c>X-N8N-API-KEY</c> scheme.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
}

/// <summary>
/// n8n's API key authentication: one <c>X-N8N-API-KEY</c> header whose key matches a stored,
/// unexpired hash becomes a principal with one <c>scope</c> claim (the key's scopes, space-delimited,
/// as in an OAuth 2.0 access token). Anything else (missing, repeated, malformed, unknown or expired)
/// is 401. Neither the key nor its hash is ever logged. A successful use is recorded in memory only
/// (<see cref="ApiKeyUsage"/> writes last-used times in batches).
/// </summary>
public sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<ApiKeyAuthenticationOptions>
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-N8N-API-KEY";
    public const string LabelClaimType = "api_key_label";
    public const string KeyIdClaimType = "api_key_id";

    private readonly ApiKeyStore store;
    private readonly ApiKeyUsage usage;
    private readonly TimeProvider clock;

    public ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore store, ApiKeyUsage usage, TimeProvider clock)
        : base(options, logger, encoder)
    {
        this.store = store;
        this.usage = usage;
        this.clock = clock;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Two headers (or one comma-joined by a proxy, which still arrives as one value) are refused:
        // picking one would let a proxy and this app disagree about who is calling.
        if (values.Count != 1)
        {
            return Task.FromResult(AuthenticateResult.Fail("More than one API key header."));
        }

        var record = store.Find(values[0]!);
        if (record is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown or malformed API key."));
        }

        var now = clock.GetUtcNow();
        if (record.IsExpired(now))
        {
            return Task.FromResult(AuthenticateResult.Fail("Expired API key."));
        }

        usage.Record(record.Id, now);

        var identity = new ClaimsIdentity(
            new[]
            {
                new Claim(KeyIdClaimType, record.Id),
                new Claim(LabelClaimType, record.Label),
                new Claim("scope", record.Scopes),
            },
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Response.WriteAsJsonAsync(new ErrorBody($"'{HeaderName}' header required: a valid, unexpired API key."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(new ErrorBody("Forbidden: the API key lacks the scope this operation requires."));
    }

    private sealed record ErrorBody(string Message);
}
