// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// Requires any one of <see cref="AnyOf"/>. Handled by <see cref="ScopeAuthorizationHandler"/>, which
    /// <c>AddScopeAuthorization()</c> registers: without it nothing succeeds the requirement, so it denies.
    /// </summary>
    /// <remarks>
    /// A scope is granted by a claim of one of <see cref="ScopeAuthorizationOptions.ClaimTypes"/> on an
    /// authenticated identity whose value, split on single spaces (U+0020), holds the scope exactly
    /// (ordinal: no case folding, trimming, prefixes or wildcards). Several claims add up. Granted scopes
    /// that nothing requires are ignored. The check allocates nothing.
    /// </remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopeRequirement : global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement
    {
        private static readonly ScopeAuthorizationOptions DefaultOptions = new ScopeAuthorizationOptions();

        private readonly string[] anyOf;
        private readonly string[][] granting;
        private readonly string display;

        /// <summary>Requires any one of <paramref name="anyOf"/>.</summary>
        /// <exception cref="global::System.ArgumentException">No scope is given, or a scope is empty or contains a space.</exception>
        public ScopeRequirement(params string[] anyOf)
        {
            if (anyOf == null)
            {
                throw new global::System.ArgumentNullException(nameof(anyOf));
            }

            if (anyOf.Length == 0)
            {
                throw new global::System.ArgumentException("A scope requirement needs at least one scope.", nameof(anyOf));
            }

            var copy = new string[anyOf.Length];
            for (var i = 0; i < anyOf.Length; i++)
            {
                var scope = anyOf[i];
                if (string.IsNullOrEmpty(scope) || scope.IndexOf(' ') >= 0)
                {
                    throw new global::System.ArgumentException("A required scope must be a non-empty string without spaces.", nameof(anyOf));
                }

                copy[i] = scope;
            }

            this.anyOf = copy;
            granting = new string[copy.Length][];
            for (var i = 0; i < copy.Length; i++)
            {
                // A renamed scope is also granted by its former names (renamedFrom): looked up once here, so
                // the per-request check stays allocation-free.
                granting[i] = ScopeRenames.GrantingStrings(copy[i]);
            }

            AnyOf = global::System.Array.AsReadOnly(copy);
            display = string.Join(", ", copy);
            PolicyName = ScopePolicyName.Format(copy);
        }

        /// <summary>The scopes of which the caller must hold at least one.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> AnyOf { get; }

        /// <summary>
        /// The reserved policy name that stands for this requirement (see <see cref="ScopePolicyName"/>): what
        /// <c>[RequireScope]</c> and <c>.RequireScope()</c> hand to ASP.NET Core as <c>IAuthorizeData.Policy</c>.
        /// </summary>
        public string PolicyName { get; }

        /// <summary>Whether <paramref name="user"/> holds one of <see cref="AnyOf"/>; default options when <paramref name="options"/> is null.</summary>
        public bool IsSatisfiedBy(global::System.Security.Claims.ClaimsPrincipal? user, ScopeAuthorizationOptions? options = null)
        {
            if (user == null)
            {
                return false;
            }

            var claimTypes = (options ?? DefaultOptions).ClaimTypes;
            if (claimTypes.Count == 0)
            {
                return false;
            }

            // ClaimsPrincipal and ClaimsIdentity keep lists behind IEnumerable: indexing them avoids an
            // enumerator allocation per request. Other implementations fall back to foreach.
            var identities = user.Identities;
            if (identities is global::System.Collections.Generic.IReadOnlyList<global::System.Security.Claims.ClaimsIdentity> identityList)
            {
                for (var i = 0; i < identityList.Count; i++)
                {
                    if (IsSatisfiedBy(identityList[i], claimTypes))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var identity in identities)
            {
                if (IsSatisfiedBy(identity, claimTypes))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the space-delimited <paramref name="grantedScopes"/> holds <paramref name="scope"/> as one
        /// whole item, compared ordinally. Only U+0020 delimits: tabs, newlines and commas do not.
        /// </summary>
        public static bool ContainsScope(string? grantedScopes, string? scope)
        {
            if (grantedScopes == null || string.IsNullOrEmpty(scope))
            {
                return false;
            }

            var length = scope!.Length;
            var start = 0;
            while (start <= grantedScopes.Length - length)
            {
                var index = grantedScopes.IndexOf(scope, start, global::System.StringComparison.Ordinal);
                if (index < 0)
                {
                    return false;
                }

                var end = index + length;
                if ((index == 0 || grantedScopes[index - 1] == ' ') && (end == grantedScopes.Length || grantedScopes[end] == ' '))
                {
                    return true;
                }

                start = index + 1;
            }

            return false;
        }

        /// <inheritdoc />
        public override string ToString() => "ScopeRequirement: any of [" + display + "]";

        /// <summary>The scopes, comma-separated, for logs and messages.</summary>
        internal string Display => display;

        private bool IsSatisfiedBy(global::System.Security.Claims.ClaimsIdentity? identity, global::System.Collections.Generic.IList<string> claimTypes)
        {
            // Only an identity an authentication handler vouched for grants scopes.
            if (identity == null || !identity.IsAuthenticated)
            {
                return false;
            }

            var claims = identity.Claims;
            if (claims is global::System.Collections.Generic.IReadOnlyList<global::System.Security.Claims.Claim> claimList)
            {
                for (var i = 0; i < claimList.Count; i++)
                {
                    if (Grants(claimList[i], claimTypes))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var claim in claims)
            {
                if (Grants(claim, claimTypes))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Grants(global::System.Security.Claims.Claim? claim, global::System.Collections.Generic.IList<string> claimTypes)
        {
            if (claim == null || !IsScopeClaimType(claim.Type, claimTypes))
            {
                return false;
            }

            for (var i = 0; i < granting.Length; i++)
            {
                var strings = granting[i];
                for (var j = 0; j < strings.Length; j++)
                {
                    if (ContainsScope(claim.Value, strings[j]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsScopeClaimType(string type, global::System.Collections.Generic.IList<string> claimTypes)
        {
            for (var i = 0; i < claimTypes.Count; i++)
            {
                if (string.Equals(type, claimTypes[i], global::System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The policy names ScopeGen reserves for scope requirements:
    /// <c>RequireScope(workflow:read workflow:list) [ScopeGen: register with services.AddScopeAuthorization()]</c>.
    /// </summary>
    /// <remarks>
    /// <c>[RequireScope]</c> and <c>.RequireScope()</c> reach ASP.NET Core as <c>IAuthorizeData</c> naming such a
    /// policy, because <c>IAuthorizeData</c> is what every authorization consumer reads (the authorization
    /// middleware and endpoint routing's missing-middleware check, MVC filters, SignalR hub methods, Razor
    /// Pages, Blazor's <c>AuthorizeRouteView</c>, gRPC). The provider <c>AddScopeAuthorization()</c> registers
    /// resolves the name; without it ASP.NET Core fails with "The AuthorizationPolicy named: '...' was not
    /// found", and the name itself says what to do.
    /// </remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public static class ScopePolicyName
    {
        /// <summary>Start of every reserved name.</summary>
        public const string Prefix = "RequireScope(";

        /// <summary>End of every reserved name.</summary>
        public const string Suffix = ") [ScopeGen: register with services.AddScopeAuthorization()]";

        /// <summary>The reserved name of a requirement for any one of <paramref name="anyOf"/> (scopes never hold spaces).</summary>
        public static string Format(global::System.Collections.Generic.IEnumerable<string> anyOf) => Prefix + string.Join(" ", anyOf) + Suffix;

        /// <summary>The scopes of a reserved name; false for any other name (compared ordinally).</summary>
        public static bool TryParse(string? policyName, out string[] anyOf)
        {
            anyOf = global::System.Array.Empty<string>();
            if (policyName == null
                || policyName.Length <= Prefix.Length + Suffix.Length
                || !policyName.StartsWith(Prefix, global::System.StringComparison.Ordinal)
                || !policyName.EndsWith(Suffix, global::System.StringComparison.Ordinal))
            {
                return false;
            }

            var scopes = policyName.Substring(Prefix.Length, policyName.Length - Prefix.Length - Suffix.Length).Split(' ');
            foreach (var scope in scopes)
            {
                if (scope.Length == 0)
                {
                    return false;
                }
            }

            anyOf = scopes;
            return true;
        }
    }
}
