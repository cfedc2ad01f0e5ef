// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// Fails start-up (options validation, run on start by the host) when a manifest scope or preset name is also
    /// a policy the app added to <c>AuthorizationOptions</c>: the app's policy would silently win or lose.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopePolicyClashValidator : global::Microsoft.Extensions.Options.IValidateOptions<ScopeAuthorizationOptions>
    {
        private readonly global::Microsoft.Extensions.Options.IOptions<global::Microsoft.AspNetCore.Authorization.AuthorizationOptions> authorization;
        private readonly ScopeNamedPolicies namedPolicies;

        /// <summary>Checks <paramref name="namedPolicies"/> against the app's <paramref name="authorization"/> policies.</summary>
        public ScopePolicyClashValidator(global::Microsoft.Extensions.Options.IOptions<global::Microsoft.AspNetCore.Authorization.AuthorizationOptions> authorization, ScopeNamedPolicies namedPolicies)
        {
            this.authorization = authorization ?? throw new global::System.ArgumentNullException(nameof(authorization));
            this.namedPolicies = namedPolicies ?? throw new global::System.ArgumentNullException(nameof(namedPolicies));
        }

        /// <inheritdoc />
        public global::Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ScopeAuthorizationOptions options)
        {
            if (options == null || !options.NamedPolicies)
            {
                return global::Microsoft.Extensions.Options.ValidateOptionsResult.Success;
            }

            var failures = new global::System.Collections.Generic.List<string>();
            var appPolicies = authorization.Value;
            foreach (var policyName in namedPolicies.Names)
            {
                if (namedPolicies.Find(policyName) != null && appPolicies.GetPolicy(policyName) != null)
                {
                    failures.Add(
                        "The authorization policy '" + policyName + "' is defined by the app (AuthorizationOptions.AddPolicy) and by the scope manifest (a scope or preset of that name). "
                        + "ScopeGen never replaces an app's policy. Rename the app's policy, or turn ScopeGen's named policies off with "
                        + "services.AddScopeAuthorization(options => options.NamedPolicies = false) ([RequireScope] and .RequireScope() keep working).");
                }
            }

            return failures.Count == 0
                ? global::Microsoft.Extensions.Options.ValidateOptionsResult.Success
                : global::Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
        }
    }
}
