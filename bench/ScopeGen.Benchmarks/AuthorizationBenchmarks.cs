using System;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using N8n.Api;
using ScopeGen.AspNetCore;

namespace ScopeGen.Benchmarks;

/// <summary>
/// Figure 4: the generated requirement's scope check (what ScopeAuthorizationHandler runs) for a principal holding 30 scopes in one
/// space-delimited claim, hit and miss, against the common <c>Split(' ').Contains(scope)</c> check;
/// and a full <see cref="IAuthorizationService.AuthorizeAsync(ClaimsPrincipal, object?, string)"/> call.
/// </summary>
[MemoryDiagnoser]
public class AuthorizationBenchmarks
{
    // The last of the 30 granted scopes: a hit that must scan the whole claim value.
    private const string HitScope = "variable:list";
    private const string MissScope = "workflow:create";

    private ClaimsPrincipal user = null!;
    private ScopeRequirement hit = null!;
    private ScopeRequirement miss = null!;
    private ScopeRequirement renamedMiss = null!;
    private ScopeAuthorizationOptions options = null!;
    private IAuthorizationService authorization = null!;

    [GlobalSetup]
    public void Setup()
    {
        var granted = Scopes.All.Where(scope => !scope.StartsWith("workflow", StringComparison.Ordinal)).Take(29).Append(HitScope).ToArray();
        if (granted.Length != 30 || granted.Contains(MissScope))
        {
            throw new InvalidOperationException("The benchmark principal must hold exactly 30 scopes and not the missed one.");
        }

        user = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim("scope", string.Join(' ', granted)) }, "Bench"));
        hit = new ScopeRequirement(HitScope);
        miss = new ScopeRequirement(MissScope);
        renamedMiss = new ScopeRequirement(Scopes.Workflow.Activate);
        if (renamedMiss.IsSatisfiedBy(user, new ScopeAuthorizationOptions()) || Scopes.FormerNamesOf(Scopes.Workflow.Activate).Count != 1)
        {
            throw new InvalidOperationException("The renamed requirement must have one former name and miss.");
        }
        options = new ScopeAuthorizationOptions();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.None));
        services.AddScopeAuthorization();
        authorization = services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Hit")]
    public bool SplitContains_Hit() => SplitContains(user, HitScope);

    [Benchmark]
    [BenchmarkCategory("Hit")]
    public bool ScopeRequirement_Hit() => hit.IsSatisfiedBy(user, options);

    [Benchmark]
    [BenchmarkCategory("Miss")]
    public bool SplitContains_Miss() => SplitContains(user, MissScope);

    [Benchmark]
    [BenchmarkCategory("Miss")]
    public bool ScopeRequirement_Miss() => miss.IsSatisfiedBy(user, options);

    /// <summary>
    /// The rename loop's worst case: <c>workflow:activate</c> is also granted by its former name
    /// <c>workflow:deactivate</c>, and the principal holds neither, so the claim is scanned for both.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("Miss")]
    public bool ScopeRequirement_RenamedMiss() => renamedMiss.IsSatisfiedBy(user, options);

    /// <summary>The whole ASP.NET Core path with a generated policy (policy name = the scope): the wrapping provider and the DI handler.</summary>
    [Benchmark]
    [BenchmarkCategory("AuthorizeAsync")]
    public Task<AuthorizationResult> AuthorizeAsync_GeneratedPolicy_Hit() => authorization.AuthorizeAsync(user, null, HitScope);

    /// <summary>The check many APIs hand-write: split every claim value and look for the scope.</summary>
    private static bool SplitContains(ClaimsPrincipal principal, string scope)
    {
        foreach (var claim in principal.FindAll("scope"))
        {
            if (claim.Value.Split(' ').Contains(scope))
            {
                return true;
            }
        }

        return false;
    }
}
