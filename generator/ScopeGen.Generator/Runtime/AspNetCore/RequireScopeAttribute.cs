// Runtime source: emitted into the consumer's compilation (see ../README.md), once per scope-class
// namespace: the generator replaces the namespace below with each of them.
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// Requires any one of the given scopes: <c>[RequireScope(Scopes.Workflow.Read, Scopes.Workflow.List)]</c>.
    /// Several <c>[RequireScope]</c> on one endpoint (method, class, base class) must all hold. It is an
    /// <c>[Authorize]</c> naming the reserved policy of its scopes, so every host enforces it as it enforces
    /// <c>[Authorize]</c>: endpoint routing, MVC, SignalR hubs (which read <c>AuthorizeAttribute</c> itself on hub
    /// methods), Razor Pages, Blazor, gRPC. Needs <c>services.AddScopeAuthorization()</c>; without it, or without
    /// the authorization middleware, the endpoint fails instead of being served. <c>Roles</c> and
    /// <c>AuthenticationSchemes</c> add to the scope requirement as they do on <c>[Authorize]</c>.
    /// </summary>
    [global::System.AttributeUsage(global::System.AttributeTargets.Class | global::System.AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class RequireScopeAttribute : global::Microsoft.AspNetCore.Authorization.AuthorizeAttribute
    {
        private readonly global::ScopeGen.AspNetCore.ScopeRequirement requirement;

        /// <summary>Requires any one of <paramref name="anyOf"/> (exact, ordinal match).</summary>
        /// <exception cref="global::System.ArgumentException">No scope is given, or a scope is empty or contains a space.</exception>
        public RequireScopeAttribute(params string[] anyOf)
        {
            requirement = new global::ScopeGen.AspNetCore.ScopeRequirement(anyOf);
            base.Policy = requirement.PolicyName;
        }

        /// <summary>The scopes of which the caller must hold at least one.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> AnyOf => requirement.AnyOf;

        /// <summary>The requirement this attribute stands for.</summary>
        public global::ScopeGen.AspNetCore.ScopeRequirement Requirement => requirement;

        /// <summary>
        /// The reserved policy name of <see cref="Requirement"/>. Read-only, so <c>[RequireScope(..., Policy = "x")]</c>
        /// does not compile: another policy goes in its own <c>[Authorize(Policy = "x")]</c>.
        /// </summary>
        public new string? Policy => base.Policy;
    }
}
