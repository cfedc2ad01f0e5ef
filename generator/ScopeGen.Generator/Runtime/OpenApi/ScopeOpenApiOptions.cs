// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// How ScopeGen describes scopes in the OpenAPI document:
    /// <c>options.AddScopeRequirements(scopes => scopes.UseApiKeyHeader("X-N8N-API-KEY"))</c>.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopeOpenApiOptions
    {
        /// <summary>
        /// The key under <c>components.securitySchemes</c> that each protected operation's <c>security</c>
        /// names. Null (the default): no security scheme and no <c>security</c>; <c>x-required-scopes</c>
        /// and the 401/403 responses are still added.
        /// </summary>
        public string? SecuritySchemeName { get; set; }

        /// <summary>
        /// The scheme added to the document as <see cref="SecuritySchemeName"/> (unless the document already
        /// has one by that name). For OAuth 2.0, every manifest scope and its description is added to the
        /// <c>scopes</c> of each configured flow.
        /// </summary>
        public global::Microsoft.OpenApi.OpenApiSecurityScheme? SecurityScheme { get; set; }

        /// <summary>Description of the 401 response added to protected operations.</summary>
        public string UnauthorizedDescription { get; set; } = "Unauthorized: no valid credential was presented.";

        /// <summary>Description of the 403 response added to operations that require a scope.</summary>
        public string ForbiddenDescription { get; set; } = "Forbidden: the credential lacks a scope this operation requires.";

        /// <summary>
        /// Callers authenticate with an API key in the header <paramref name="headerName"/>, e.g.
        /// <c>X-N8N-API-KEY</c>. The scopes appear in each requirement as OpenAPI 3.1 allows for
        /// non-OAuth schemes.
        /// </summary>
        public ScopeOpenApiOptions UseApiKeyHeader(string headerName, string schemeName = "ApiKey")
        {
            if (string.IsNullOrEmpty(headerName))
            {
                throw new global::System.ArgumentException("A header name is required.", nameof(headerName));
            }

            return Use(schemeName, new global::Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = global::Microsoft.OpenApi.SecuritySchemeType.ApiKey,
                In = global::Microsoft.OpenApi.ParameterLocation.Header,
                Name = headerName,
                Description = "An API key in the '" + headerName + "' header; its scopes decide which operations it may call.",
            });
        }

        /// <summary>
        /// Callers present an OAuth 2.0 access token. <paramref name="flows"/> gives the flows and their URLs;
        /// their <c>scopes</c> are filled with every manifest scope and its description.
        /// </summary>
        public ScopeOpenApiOptions UseOAuth2(global::Microsoft.OpenApi.OpenApiOAuthFlows flows, string schemeName = "OAuth2")
        {
            if (flows == null)
            {
                throw new global::System.ArgumentNullException(nameof(flows));
            }

            return Use(schemeName, new global::Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = global::Microsoft.OpenApi.SecuritySchemeType.OAuth2,
                Flows = flows,
            });
        }

        /// <summary>Callers present a bearer token (<c>Authorization: Bearer ...</c>) whose <c>scope</c> claim grants scopes.</summary>
        public ScopeOpenApiOptions UseBearer(string schemeName = "Bearer", string? bearerFormat = "JWT")
        {
            return Use(schemeName, new global::Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = global::Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = bearerFormat,
            });
        }

        private ScopeOpenApiOptions Use(string schemeName, global::Microsoft.OpenApi.OpenApiSecurityScheme scheme)
        {
            if (string.IsNullOrEmpty(schemeName))
            {
                throw new global::System.ArgumentException("A security scheme name is required.", nameof(schemeName));
            }

            SecuritySchemeName = schemeName;
            SecurityScheme = scheme;
            return this;
        }
    }
}
