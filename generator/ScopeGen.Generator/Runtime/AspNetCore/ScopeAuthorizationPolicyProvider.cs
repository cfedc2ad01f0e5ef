// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// Wraps the app's <c>IAuthorizationPolicyProvider</c>: resolves ScopeGen's reserved names
    /// (<see cref="ScopePolicyName"/>) to a policy of one <see cref="ScopeRequirement"/>, asks the app's provider
    /// for every other name, and only when it has none answers a manifest scope or preset name
    /// (<see cref="ScopeNamedPolicies"/>). It never replaces or changes a policy of the app's.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopeAuthorizationPolicyProvider : global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider
    {
        private static readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, global::System.Threading.Tasks.Task<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy?>> ReservedPolicies =
            new global::System.Collections.Concurrent.ConcurrentDictionary<string, global::System.Threading.Tasks.Task<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy?>>(global::System.StringComparer.Ordinal);

        private readonly global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider inner;
        private readonly ScopeNamedPolicies namedPolicies;
        private readonly global::Microsoft.Extensions.Options.IOptions<ScopeAuthorizationOptions> options;

        /// <summary>Wraps <paramref name="inner"/>, the provider the app registered (ASP.NET Core's default one unless it chose another).</summary>
        public ScopeAuthorizationPolicyProvider(global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider inner, ScopeNamedPolicies namedPolicies, global::Microsoft.Extensions.Options.IOptions<ScopeAuthorizationOptions> options)
        {
            this.inner = inner ?? throw new global::System.ArgumentNullException(nameof(inner));
            this.namedPolicies = namedPolicies ?? throw new global::System.ArgumentNullException(nameof(namedPolicies));
            this.options = options ?? throw new global::System.ArgumentNullException(nameof(options));
        }

        /// <summary>The app's provider.</summary>
        public global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider Inner => inner;

        /// <inheritdoc />
        public bool AllowsCachingPolicies => inner.AllowsCachingPolicies;

        /// <inheritdoc />
        public global::System.Threading.Tasks.Task<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy> GetDefaultPolicyAsync() => inner.GetDefaultPolicyAsync();

        /// <inheritdoc />
        public global::System.Threading.Tasks.Task<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy?> GetFallbackPolicyAsync() => inner.GetFallbackPolicyAsync();

        /// <inheritdoc />
        public global::System.Threading.Tasks.Task<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy?> GetPolicyAsync(string policyName)
        {
            global::System.Threading.Tasks.Task<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy?>? reserved;
            if (ReservedPolicies.TryGetValue(policyName, out reserved))
            {
                return reserved;
            }

            string[] anyOf;
            if (ScopePolicyName.TryParse(policyName, out anyOf))
            {
                var requirement = new ScopeRequirement(anyOf);
                var policy = new global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy(
                    new global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement[] { requirement },
                    global::System.Array.Empty<string>());
                return ReservedPolicies.GetOrAdd(policyName, global::System.Threading.Tasks.Task.FromResult<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy?>(policy));
            }

            return GetAppOrNamedPolicyAsync(policyName);
        }

        private async global::System.Threading.Tasks.Task<global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy?> GetAppOrNamedPolicyAsync(string policyName)
        {
            var policy = await inner.GetPolicyAsync(policyName).ConfigureAwait(false);
            if (policy != null)
            {
                return policy;
            }

            return options.Value.NamedPolicies ? namedPolicies.Find(policyName) : null;
        }
    }

    /// <summary>
    /// The manifest's scopes and presets as named policies: the policy name is the scope string, or the preset
    /// name as written in the manifest (requiring every scope of the preset). Names are case-insensitive as in
    /// ASP.NET Core: a name defined more than once gets one policy that requires the scopes of all of them.
    /// An empty preset has no policy, so using its name fails as an unknown policy does.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopeNamedPolicies
    {
        private readonly global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<string>> scopesByName =
            new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<string>>(global::System.StringComparer.OrdinalIgnoreCase);

        private readonly global::System.Collections.Generic.List<string> names = new global::System.Collections.Generic.List<string>();
        private global::System.Collections.Generic.Dictionary<string, global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy>? policies;

        /// <summary>Every policy name, in the order first added.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Names => names;

        /// <summary>Adds <paramref name="scopes"/> (all required) to the policy <paramref name="name"/>.</summary>
        /// <exception cref="global::System.InvalidOperationException">The policies were already used.</exception>
        public void Add(string name, global::System.Collections.Generic.IEnumerable<string> scopes)
        {
            if (name == null)
            {
                throw new global::System.ArgumentNullException(nameof(name));
            }

            if (scopes == null)
            {
                throw new global::System.ArgumentNullException(nameof(scopes));
            }

            if (policies != null)
            {
                throw new global::System.InvalidOperationException("Named scope policies cannot change once they are in use.");
            }

            global::System.Collections.Generic.List<string>? existing;
            if (!scopesByName.TryGetValue(name, out existing))
            {
                existing = new global::System.Collections.Generic.List<string>();
                scopesByName.Add(name, existing);
                names.Add(name);
            }

            foreach (var scope in scopes)
            {
                if (!existing.Contains(scope))
                {
                    existing.Add(scope);
                }
            }
        }

        /// <summary>The policy named <paramref name="name"/> (ignoring case), or null.</summary>
        public global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy? Find(string name)
        {
            global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy? policy;
            return Build().TryGetValue(name, out policy) ? policy : null;
        }

        private global::System.Collections.Generic.Dictionary<string, global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy> Build()
        {
            var built = global::System.Threading.Volatile.Read(ref policies);
            if (built != null)
            {
                return built;
            }

            built = new global::System.Collections.Generic.Dictionary<string, global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy>(global::System.StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                var scopes = scopesByName[name];
                if (scopes.Count == 0)
                {
                    continue;
                }

                var requirements = new global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement[scopes.Count];
                for (var i = 0; i < scopes.Count; i++)
                {
                    requirements[i] = new ScopeRequirement(scopes[i]);
                }

                built.Add(name, new global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy(requirements, global::System.Array.Empty<string>()));
            }

            global::System.Threading.Interlocked.CompareExchange(ref policies, built, null);
            return global::System.Threading.Volatile.Read(ref policies)!;
        }
    }
}
