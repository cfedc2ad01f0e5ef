// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// Adds to each operation what <see cref="ScopeEndpointRequirements"/> finds for its endpoint:
    /// <c>x-required-scopes</c>, a <c>security</c> requirement against the configured scheme and 401/403
    /// responses; <c>x-allow-anonymous: true</c> on operations anyone may call. Adds to the document the
    /// security scheme and <c>x-scopes</c> (every manifest scope and its description). Registered by
    /// <c>options.AddScopeRequirements(...)</c>.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed partial class ScopeOpenApiTransformer : global::Microsoft.AspNetCore.OpenApi.IOpenApiOperationTransformer, global::Microsoft.AspNetCore.OpenApi.IOpenApiDocumentTransformer
    {
        /// <summary>Operation extension: <c>{"allOf": [["workflow:read", "workflow:list"], ["tag:read"]]}</c>, every inner list satisfied by any one of its scopes.</summary>
        public const string RequiredScopesExtension = "x-required-scopes";

        /// <summary>Operation extension, <c>true</c> on operations that need no credential (which also get <c>"security": []</c>).</summary>
        public const string AllowAnonymousExtension = "x-allow-anonymous";

        /// <summary>Document extension: every manifest scope and its description.</summary>
        public const string ScopesExtension = "x-scopes";

        /// <summary>
        /// The most security requirement alternatives an operation gets; past it the operation gets one
        /// requirement without scopes (the credential is still required) and <c>x-required-scopes</c> alone
        /// states the scopes.
        /// </summary>
        public const int MaxSecurityAlternatives = 16;

        private readonly ScopeOpenApiOptions options;
        private readonly object indexLock = new object();
        private global::System.Collections.Generic.IReadOnlyList<global::Microsoft.AspNetCore.Http.Endpoint>? indexedEndpoints;
        private global::System.Collections.Generic.Dictionary<global::Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor, global::Microsoft.AspNetCore.Http.EndpointMetadataCollection>? index;

        public ScopeOpenApiTransformer(ScopeOpenApiOptions options)
        {
            this.options = options ?? throw new global::System.ArgumentNullException(nameof(options));
        }

        /// <summary>Every manifest scope and its description, in manifest order; a scope defined twice keeps its first description.</summary>
        public static global::System.Collections.Generic.IReadOnlyDictionary<string, string> ManifestScopes()
        {
            var scopes = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
            AddManifestScopes(scopes);
            return scopes;
        }

        /// <inheritdoc />
        public async global::System.Threading.Tasks.Task TransformAsync(global::Microsoft.OpenApi.OpenApiOperation operation, global::Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, global::System.Threading.CancellationToken cancellationToken)
        {
            if (operation == null)
            {
                throw new global::System.ArgumentNullException(nameof(operation));
            }

            if (context == null)
            {
                throw new global::System.ArgumentNullException(nameof(context));
            }

            var services = context.ApplicationServices;
            var metadata = FindMetadata(context.Description.ActionDescriptor, services);
            var policyProvider = services.GetService(typeof(global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider)) as global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider;
            var required = await ScopeEndpointRequirements.FromMetadataAsync(metadata, policyProvider).ConfigureAwait(false);

            var allOf = new global::System.Text.Json.Nodes.JsonArray();
            foreach (var anyOf in required.AllOf)
            {
                var set = new global::System.Text.Json.Nodes.JsonArray();
                foreach (var scope in anyOf)
                {
                    set.Add(global::System.Text.Json.Nodes.JsonValue.Create(scope));
                }

                allOf.Add(set);
            }

            operation.Extensions ??= new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.IOpenApiExtension>();
            operation.Extensions[RequiredScopesExtension] = new global::Microsoft.OpenApi.JsonNodeExtension(new global::System.Text.Json.Nodes.JsonObject { ["allOf"] = allOf });
            if (required.IsAnonymous)
            {
                operation.Extensions[AllowAnonymousExtension] = new global::Microsoft.OpenApi.JsonNodeExtension(global::System.Text.Json.Nodes.JsonValue.Create(true));

                // "security": [] states that no credential is needed, whatever the document's default.
                operation.Security = new global::System.Collections.Generic.List<global::Microsoft.OpenApi.OpenApiSecurityRequirement>();
                return;
            }

            operation.Responses ??= new global::Microsoft.OpenApi.OpenApiResponses();
            if (!operation.Responses.ContainsKey("401"))
            {
                operation.Responses.Add("401", new global::Microsoft.OpenApi.OpenApiResponse { Description = options.UnauthorizedDescription });
            }

            if (required.CanForbid && !operation.Responses.ContainsKey("403"))
            {
                operation.Responses.Add("403", new global::Microsoft.OpenApi.OpenApiResponse { Description = options.ForbiddenDescription });
            }

            var schemeName = options.SecuritySchemeName;
            if (string.IsNullOrEmpty(schemeName))
            {
                return;
            }

            EnsureScheme(context.Document);
            operation.Security ??= new global::System.Collections.Generic.List<global::Microsoft.OpenApi.OpenApiSecurityRequirement>();
            var alternatives = required.ToAlternatives(MaxSecurityAlternatives)
                ?? new global::System.Collections.Generic.IReadOnlyList<string>[] { new string[0] };
            foreach (var alternative in alternatives)
            {
                operation.Security.Add(new global::Microsoft.OpenApi.OpenApiSecurityRequirement
                {
                    [new global::Microsoft.OpenApi.OpenApiSecuritySchemeReference(schemeName!, context.Document, null)] = new global::System.Collections.Generic.List<string>(alternative),
                });
            }
        }

        /// <inheritdoc />
        public global::System.Threading.Tasks.Task TransformAsync(global::Microsoft.OpenApi.OpenApiDocument document, global::Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context, global::System.Threading.CancellationToken cancellationToken)
        {
            if (document == null)
            {
                throw new global::System.ArgumentNullException(nameof(document));
            }

            var manifestScopes = ManifestScopes();
            var scopes = new global::System.Text.Json.Nodes.JsonObject();
            foreach (var pair in manifestScopes)
            {
                scopes[pair.Key] = global::System.Text.Json.Nodes.JsonValue.Create(pair.Value);
            }

            document.Extensions ??= new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.IOpenApiExtension>();
            document.Extensions[ScopesExtension] = new global::Microsoft.OpenApi.JsonNodeExtension(scopes);

            var scheme = EnsureScheme(document);
            var flows = scheme?.Flows;
            if (flows != null)
            {
                foreach (var flow in new[] { flows.Implicit, flows.Password, flows.ClientCredentials, flows.AuthorizationCode })
                {
                    if (flow == null)
                    {
                        continue;
                    }

                    flow.Scopes ??= new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
                    foreach (var pair in manifestScopes)
                    {
                        if (!flow.Scopes.ContainsKey(pair.Key))
                        {
                            flow.Scopes.Add(pair.Key, pair.Value);
                        }
                    }
                }
            }

            return global::System.Threading.Tasks.Task.CompletedTask;
        }

        /// <summary>The configured scheme in <paramref name="document"/>, added (and registered for references) when missing.</summary>
        private global::Microsoft.OpenApi.IOpenApiSecurityScheme? EnsureScheme(global::Microsoft.OpenApi.OpenApiDocument? document)
        {
            var name = options.SecuritySchemeName;
            if (document == null || string.IsNullOrEmpty(name))
            {
                return null;
            }

            global::Microsoft.OpenApi.IOpenApiSecurityScheme? existing;
            if (document.Components?.SecuritySchemes != null && document.Components.SecuritySchemes.TryGetValue(name!, out existing))
            {
                return existing;
            }

            if (options.SecurityScheme == null)
            {
                return null;
            }

            // A copy per document, flows included: documents are built concurrently, and filling one's
            // OAuth scopes must not touch the configured scheme.
            var scheme = options.SecurityScheme.CreateShallowCopy() as global::Microsoft.OpenApi.OpenApiSecurityScheme ?? options.SecurityScheme;
            if (scheme.Flows != null)
            {
                scheme.Flows = new global::Microsoft.OpenApi.OpenApiOAuthFlows(scheme.Flows);
            }

            document.AddComponent<global::Microsoft.OpenApi.IOpenApiSecurityScheme>(name!, scheme);
            return scheme;
        }

        /// <summary>
        /// The endpoint's own metadata: for controllers, the routed endpoint (which also carries conventions
        /// such as <c>MapControllers().RequireScope(...)</c>); minimal APIs' descriptions already hold it.
        /// </summary>
        private global::Microsoft.AspNetCore.Http.EndpointMetadataCollection FindMetadata(global::Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action, global::System.IServiceProvider services)
        {
            var endpoints = services.GetService(typeof(global::Microsoft.AspNetCore.Routing.EndpointDataSource)) as global::Microsoft.AspNetCore.Routing.EndpointDataSource;
            if (endpoints != null)
            {
                global::Microsoft.AspNetCore.Http.EndpointMetadataCollection? metadata;
                if (EndpointsByAction(endpoints.Endpoints).TryGetValue(action, out metadata))
                {
                    return metadata;
                }
            }

            return new global::Microsoft.AspNetCore.Http.EndpointMetadataCollection(action.EndpointMetadata);
        }

        /// <summary>Routed endpoints by their action, indexed once per endpoint list (the data source replaces the list when endpoints change).</summary>
        private global::System.Collections.Generic.Dictionary<global::Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor, global::Microsoft.AspNetCore.Http.EndpointMetadataCollection> EndpointsByAction(global::System.Collections.Generic.IReadOnlyList<global::Microsoft.AspNetCore.Http.Endpoint> endpoints)
        {
            lock (indexLock)
            {
                if (!ReferenceEquals(indexedEndpoints, endpoints) || index == null)
                {
                    var built = new global::System.Collections.Generic.Dictionary<global::Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor, global::Microsoft.AspNetCore.Http.EndpointMetadataCollection>();
                    foreach (var endpoint in endpoints)
                    {
                        var action = endpoint.Metadata.GetMetadata<global::Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>();
                        if (action != null && !built.ContainsKey(action))
                        {
                            built.Add(action, endpoint.Metadata);
                        }
                    }

                    index = built;
                    indexedEndpoints = endpoints;
                }

                return index;
            }
        }

        /// <summary>Written by the generator: every manifest scope and its description, first description kept.</summary>
        static partial void AddManifestScopes(global::System.Collections.Generic.Dictionary<string, string> scopes);
    }
}
