using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScopeGen.Testing.Hosting;

/// <summary>
/// A test scheme: <c>X-Test-Scope</c> and <c>X-Test-Scp</c> headers become <c>scope</c> and <c>scp</c> claims
/// verbatim (each repeated header value its own claim); <c>X-Test-Claim: type=value</c> adds a claim of any
/// type. No such header: not authenticated.
/// </summary>
public sealed class ScopeHeaderAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "TestScopes";
    public const string HeaderName = "X-Test-Scope";
    public const string ScpHeaderName = "X-Test-Scp";
    public const string ClaimHeaderName = "X-Test-Claim";

    public ScopeHeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    /// <summary>Adds the scheme as the default one.</summary>
    public static AuthenticationBuilder Add(IServiceCollection services) =>
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, ScopeHeaderAuthenticationHandler>(SchemeName, null);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var claims = new List<Claim>();
        var present = false;
        foreach (var (header, type) in new[] { (HeaderName, "scope"), (ScpHeaderName, "scp") })
        {
            if (Request.Headers.TryGetValue(header, out var values))
            {
                present = true;
                claims.AddRange(values.Select(value => new Claim(type, value ?? string.Empty)));
            }
        }

        if (Request.Headers.TryGetValue(ClaimHeaderName, out var typed))
        {
            present = true;
            foreach (var value in typed)
            {
                var separator = value?.IndexOf('=') ?? -1;
                if (separator > 0)
                {
                    claims.Add(new Claim(value![..separator], value[(separator + 1)..]));
                }
            }
        }

        if (!present)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
