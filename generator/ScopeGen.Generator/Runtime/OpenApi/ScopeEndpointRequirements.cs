// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// What the authorization middleware enforces on one endpoint, in scopes. Computed as the middleware
    /// does: <c>[AllowAnonymous]</c> skips everything; otherwise the policies named by <c>[Authorize]</c>,
    /// <c>[RequireScope]</c>, <c>.RequireScope()</c> and <c>RequireAuthorization(...)</c> (or the default policy),
    /// policy objects, <c>IAuthorizationRequirementData</c> and, when none of the first two is there, the fallback policy.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopeEndpointRequirements
    {
        private static readonly global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>> None =
            global::System.Array.AsReadOnly(new global::System.Collections.Generic.IReadOnlyList<string>[0]);

        private ScopeEndpointRequirements(bool isAnonymous, global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>> allOf, bool hasOtherRequirements)
        {
            IsAnonymous = isAnonymous;
            AllOf = allOf;
            HasOtherRequirements = hasOtherRequirements;
        }

        /// <summary>Whether anyone may call the endpoint: <c>[AllowAnonymous]</c>, or no authorization applies at all.</summary>
        public bool IsAnonymous { get; }

        /// <summary>
        /// The scopes required: every inner list must be satisfied, each by any one of its scopes. Identical
        /// lists, and lists implied by a smaller one, appear once. Empty when no scope is required.
        /// </summary>
        public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>> AllOf { get; }

        /// <summary>Whether the policy also has requirements other than scopes and an authenticated user (roles, claims, ...).</summary>
        public bool HasOtherRequirements { get; }

        /// <summary>Whether an authenticated caller can still be refused (403).</summary>
        public bool CanForbid => !IsAnonymous && (AllOf.Count > 0 || HasOtherRequirements);

        /// <summary>The requirements of an endpoint with <paramref name="metadata"/>; <paramref name="policyProvider"/> resolves policy names.</summary>
        /// <exception cref="global::System.InvalidOperationException">A policy name is unknown (the middleware fails the request the same way).</exception>
        public static async global::System.Threading.Tasks.Task<ScopeEndpointRequirements> FromMetadataAsync(global::Microsoft.AspNetCore.Http.EndpointMetadataCollection metadata, global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider? policyProvider)
        {
            if (metadata == null)
            {
                throw new global::System.ArgumentNullException(nameof(metadata));
            }

            if (metadata.GetMetadata<global::Microsoft.AspNetCore.Authorization.IAllowAnonymous>() != null)
            {
                return new ScopeEndpointRequirements(true, None, false);
            }

            var requirements = new global::System.Collections.Generic.List<global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement>();
            if (policyProvider != null)
            {
                var policy = await global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy.CombineAsync(
                    policyProvider,
                    metadata.GetOrderedMetadata<global::Microsoft.AspNetCore.Authorization.IAuthorizeData>(),
                    metadata.GetOrderedMetadata<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy>()).ConfigureAwait(false);
                if (policy != null)
                {
                    requirements.AddRange(policy.Requirements);
                }
            }
            else
            {
                // Without a provider, ScopeGen's own reserved policy names ([RequireScope], .RequireScope()) are still read.
                foreach (var data in metadata.GetOrderedMetadata<global::Microsoft.AspNetCore.Authorization.IAuthorizeData>())
                {
                    string[] anyOf;
                    if (ScopePolicyName.TryParse(data.Policy, out anyOf))
                    {
                        requirements.Add(new ScopeRequirement(anyOf));
                    }
                }
            }

            foreach (var data in metadata.GetOrderedMetadata<global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirementData>())
            {
                requirements.AddRange(data.GetRequirements());
            }

            if (requirements.Count == 0)
            {
                return new ScopeEndpointRequirements(true, None, false);
            }

            var sets = new global::System.Collections.Generic.List<string[]>();
            var other = false;
            foreach (var requirement in requirements)
            {
                var scope = requirement as ScopeRequirement;
                if (scope != null)
                {
                    sets.Add(global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Distinct(scope.AnyOf, global::System.StringComparer.Ordinal)));
                }
                else if (!(requirement is global::Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement))
                {
                    other = true;
                }
            }

            return new ScopeEndpointRequirements(false, Normalize(sets), other);
        }

        /// <summary>
        /// The alternatives of <see cref="AllOf"/> as OpenAPI security requirements express them: each
        /// alternative lists scopes that must all be held, and any one alternative suffices. Null when
        /// there would be more than <paramref name="limit"/> alternatives.
        /// </summary>
        public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>>? ToAlternatives(int limit)
        {
            var alternatives = new global::System.Collections.Generic.List<global::System.Collections.Generic.List<string>> { new global::System.Collections.Generic.List<string>() };
            foreach (var anyOf in AllOf)
            {
                var next = new global::System.Collections.Generic.List<global::System.Collections.Generic.List<string>>();
                foreach (var alternative in alternatives)
                {
                    foreach (var scope in anyOf)
                    {
                        var combined = new global::System.Collections.Generic.List<string>(alternative);
                        if (!combined.Contains(scope))
                        {
                            combined.Add(scope);
                        }

                        next.Add(combined);
                    }
                }

                if (next.Count > limit)
                {
                    return null;
                }

                alternatives = next;
            }

            var result = new global::System.Collections.Generic.List<global::System.Collections.Generic.IReadOnlyList<string>>();
            foreach (var alternative in alternatives)
            {
                // An alternative that holds all of another's scopes adds nothing: keep the smaller one.
                var implied = false;
                foreach (var kept in alternatives)
                {
                    if (!ReferenceEquals(kept, alternative) && IsSubset(kept, alternative) && (kept.Count < alternative.Count || alternatives.IndexOf(kept) < alternatives.IndexOf(alternative)))
                    {
                        implied = true;
                        break;
                    }
                }

                if (!implied)
                {
                    result.Add(global::System.Array.AsReadOnly(alternative.ToArray()));
                }
            }

            return result;
        }

        private static global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>> Normalize(global::System.Collections.Generic.List<string[]> sets)
        {
            // Any-of set A implies every superset of A: such a superset (or a duplicate of A) says nothing more.
            var result = new global::System.Collections.Generic.List<global::System.Collections.Generic.IReadOnlyList<string>>();
            for (var i = 0; i < sets.Count; i++)
            {
                var implied = false;
                for (var j = 0; j < sets.Count && !implied; j++)
                {
                    implied = i != j && IsSubset(sets[j], sets[i]) && (sets[j].Length < sets[i].Length || j < i);
                }

                if (!implied)
                {
                    result.Add(global::System.Array.AsReadOnly(sets[i]));
                }
            }

            return result.AsReadOnly();
        }

        private static bool IsSubset(global::System.Collections.Generic.IReadOnlyCollection<string> subset, global::System.Collections.Generic.IEnumerable<string> superset)
        {
            var count = 0;
            foreach (var scope in superset)
            {
                if (global::System.Linq.Enumerable.Contains(subset, scope, global::System.StringComparer.Ordinal))
                {
                    count++;
                }
            }

            return count == subset.Count;
        }
    }
}
