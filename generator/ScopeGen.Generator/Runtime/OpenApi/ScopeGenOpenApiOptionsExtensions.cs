// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Describes ScopeGen's scopes in the OpenAPI document.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public static class ScopeGenOpenApiOptionsExtensions
    {
        /// <summary>
        /// Adds <see cref="global::ScopeGen.AspNetCore.ScopeOpenApiTransformer"/> as operation and document
        /// transformer: <c>builder.Services.AddOpenApi(options => options.AddScopeRequirements(scopes => scopes.UseApiKeyHeader("X-N8N-API-KEY")))</c>.
        /// </summary>
        public static global::Microsoft.AspNetCore.OpenApi.OpenApiOptions AddScopeRequirements(this global::Microsoft.AspNetCore.OpenApi.OpenApiOptions options, global::System.Action<global::ScopeGen.AspNetCore.ScopeOpenApiOptions>? configure = null)
        {
            if (options == null)
            {
                throw new global::System.ArgumentNullException(nameof(options));
            }

            var scopeOptions = new global::ScopeGen.AspNetCore.ScopeOpenApiOptions();
            configure?.Invoke(scopeOptions);
            var transformer = new global::ScopeGen.AspNetCore.ScopeOpenApiTransformer(scopeOptions);
            options.AddOperationTransformer(transformer);
            options.AddDocumentTransformer(transformer);
            return options;
        }
    }
}
