using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScopeGen.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A test scheme: <c>X-Test-Scope</c> and <c>X-Test-Scp</c> headers become <c>scope</c> and <c>scp</c>
/// claims verbatim (each repeated header value its own claim). No header: not authenticated.
/// </summary>
public sealed class TestScopesAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "TestScopes";

    public TestScopesAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var claims = new List<Claim>();
        var present = false;
        foreach (var (header, type) in new[] { ("X-Test-Scope", "scope"), ("X-Test-Scp", "scp") })
        {
            if (Request.Headers.TryGetValue(header, out var values))
            {
                present = true;
                claims.AddRange(values.Select(value => new Claim(type, value ?? string.Empty)));
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
