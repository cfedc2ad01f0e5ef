// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace Microsoft.AspNetCore.Builder
{
    /// <summary>Scope requirements for endpoints, route groups and <c>MapControllers()</c>.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public static class ScopeGenEndpointConventionBuilderExtensions
    {
        /// <summary>
        /// Requires any one of <paramref name="anyOf"/>. Several calls (on a group and on an endpoint, or
        /// repeated) must all hold; the same semantics as <c>[RequireScope]</c>, and like it, authorization
        /// metadata that ASP.NET Core enforces or refuses to serve without.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">No scope is given, or a scope is empty or contains a space.</exception>
        public static TBuilder RequireScope<TBuilder>(this TBuilder builder, params string[] anyOf)
            where TBuilder : global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
        {
            if (builder == null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            var data = new global::ScopeGen.AspNetCore.ScopeAuthorizeData(new global::ScopeGen.AspNetCore.ScopeRequirement(anyOf));
            builder.Add(endpoint => endpoint.Metadata.Add(data));
            return builder;
        }
    }
}
