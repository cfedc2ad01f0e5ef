using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ScopeGen.Hosts.Tests.Bearer;

/// <summary>Access tokens shaped like Microsoft Entra ID v2.0 ones (scp, tid, oid, azp, ver), signed with a test key.</summary>
public static class EntraTokens
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string Audience = "api://scopegen-hosts-tests";
    public const string Issuer = "https://login.microsoftonline.com/" + TenantId + "/v2.0";

    public static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes("scopegen-hosts-tests-signing-key-0123456789abcdef"));

    /// <summary>A token granting <paramref name="scp"/> (space-delimited, as Entra writes it).</summary>
    public static string Create(string scp) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddMinutes(10),
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Subject = new ClaimsIdentity(new[]
        {
            new Claim("scp", scp),
            new Claim("tid", TenantId),
            new Claim("oid", "00000000-0000-0000-0000-0000000000a1"),
            new Claim("azp", "11111111-1111-1111-1111-111111111111"),
            new Claim("ver", "2.0"),
            new Claim("name", "Test Caller"),
        }),
        SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
    });
}
