// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>Options of ScopeGen's scope authorization: <c>services.AddScopeAuthorization(options => ...)</c>.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopeAuthorizationOptions
    {
        /// <summary>The claim type Microsoft Entra's <c>scp</c> becomes under JwtBearer's default inbound claim mapping.</summary>
        public const string EntraMappedScopeClaimType = "http://schemas.microsoft.com/identity/claims/scope";

        /// <summary>
        /// The claim types whose values grant scopes, compared exactly (ordinal). Default: <c>scope</c>
        /// (OAuth 2.0 access tokens, RFC 9068), <c>scp</c> (Microsoft Entra) and
        /// <see cref="EntraMappedScopeClaimType"/> (<c>scp</c> after JwtBearer's default claim mapping).
        /// Read on every evaluation, whatever the authorization resource. An empty list grants nothing.
        /// </summary>
        public global::System.Collections.Generic.IList<string> ClaimTypes { get; } = new global::System.Collections.Generic.List<string> { "scope", "scp", EntraMappedScopeClaimType };

        /// <summary>
        /// Whether a 403 for a missing scope says which scopes would satisfy the endpoint (default: true):
        /// <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="..."</c> (RFC 6750 §3.1) when the
        /// request carried a bearer token, otherwise an <c>application/problem+json</c> body. Never for an
        /// unauthenticated caller (that is a 401).
        /// </summary>
        public bool DescribeInsufficientScope { get; set; } = true;

        /// <summary>
        /// Whether every manifest scope and preset is also a named policy (<c>[Authorize(Policy = "workflow:read")]</c>,
        /// <c>RequireAuthorization("readOnly")</c>). Default: true. An app policy of the same name is a
        /// start-up error, never replaced; set this to false to keep the app's policies and drop ScopeGen's named ones.
        /// </summary>
        public bool NamedPolicies { get; set; } = true;
    }
}
