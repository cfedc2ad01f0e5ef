using Microsoft.CodeAnalysis;

namespace ScopeGen.Generator;

/// <summary>
/// Registers the OpenAPI output: one file, only when the ASP.NET Core helpers are emitted (it builds on
/// <c>ScopeRequirement</c>) and Microsoft.AspNetCore.OpenApi 10 is referenced.
/// </summary>
internal static class OpenApiOutputs
{
    /// <summary>Tracking name of the OpenAPI step, for caching tests.</summary>
    public const string TrackingName = "OpenApi";

    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<AspNetCoreModel> model, IncrementalValueProvider<EmitOptions> emitOptions, IncrementalValueProvider<bool> available)
    {
        var input = model
            .Combine(emitOptions)
            .Combine(available)
            .WithTrackingName(TrackingName);

        context.RegisterSourceOutput(input, static (spc, input) =>
        {
            var ((model, options), isAvailable) = input;
            if (isAvailable && AspNetCoreEmitter.ShouldEmit(options, isAvailable, model))
            {
                spc.AddSource(OpenApiEmitter.HintName, OpenApiEmitter.Emit(model, options));
            }
        });
    }
}

/// <summary>
/// Emits ScopeGen's OpenAPI support: <c>ScopeOpenApiOptions</c>, <c>ScopeEndpointRequirements</c> (what
/// the authorization middleware enforces on an endpoint, as scopes), <c>ScopeOpenApiTransformer</c>
/// (operation and document transformer) and <c>options.AddScopeRequirements(...)</c> on
/// <c>OpenApiOptions</c>. Depends only on the scope class names: descriptions are read at run time
/// from the generated <c>TryGetDescription</c>, so editing one does not re-emit this file.
/// </summary>
internal static class OpenApiEmitter
{
    /// <summary>Hint name; the '-' keeps it apart from the scope classes' names, as the ASP.NET Core files do.</summary>
    public const string HintName = "ScopeGen-OpenApi.g.cs";

    public static string Emit(AspNetCoreModel model, EmitOptions options)
    {
        var writer = new SourceWriter();
        ScopesEmitter.WriteHeader(writer, options);
        var text = Template
            .Replace("$access$", options.PublicApi ? "public" : "internal")
            .Replace("$generated$", ScopesEmitter.GeneratedCodeAttribute);
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Trim() == "$manifestScopes$")
            {
                WriteManifestScopes(writer);
                continue;
            }

            writer.Line(line);
        }

        return writer.ToString();

        void WriteManifestScopes(SourceWriter target)
        {
            // Inside ScopeOpenApiTransformer.ManifestScopes(): every class's scopes, first description wins.
            foreach (var scopeClass in model.ScopeClasses)
            {
                var type = "global::" + scopeClass;
                target.Line($"            foreach (var scope in {type}.All)");
                target.Line("            {");
                target.Line("                string description;");
                target.Line($"                if (!scopes.ContainsKey(scope) && {type}.TryGetDescription(scope, out description))");
                target.Line("                {");
                target.Line("                    scopes.Add(scope, description);");
                target.Line("                }");
                target.Line("            }");
                target.Line();
            }
        }
    }

    private const string Template = """
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// How ScopeGen describes scopes in the OpenAPI document:
    /// <c>options.AddScopeRequirements(scopes => scopes.UseApiKeyHeader("X-N8N-API-KEY"))</c>.
    /// </summary>
    $generated$
    $access$ sealed class ScopeOpenApiOptions
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

    /// <summary>
    /// What the authorization middleware enforces on one endpoint, in scopes. Computed as the middleware
    /// does: <c>[AllowAnonymous]</c> skips everything; otherwise the policies named by <c>[Authorize]</c> /
    /// <c>RequireAuthorization(...)</c> (or the default policy), policy objects, <c>IAuthorizationRequirementData</c>
    /// (<c>[RequireScope]</c>, <c>.RequireScope()</c>) and, when none of the first two is there, the fallback policy.
    /// </summary>
    $generated$
    $access$ sealed class ScopeEndpointRequirements
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

    /// <summary>
    /// Adds to each operation what <see cref="ScopeEndpointRequirements"/> finds for its endpoint:
    /// <c>x-required-scopes</c>, a <c>security</c> requirement against the configured scheme and 401/403
    /// responses; <c>x-allow-anonymous: true</c> on operations anyone may call. Adds to the document the
    /// security scheme and <c>x-scopes</c> (every manifest scope and its description). Registered by
    /// <c>options.AddScopeRequirements(...)</c>.
    /// </summary>
    $generated$
    $access$ sealed class ScopeOpenApiTransformer : global::Microsoft.AspNetCore.OpenApi.IOpenApiOperationTransformer, global::Microsoft.AspNetCore.OpenApi.IOpenApiDocumentTransformer
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
            $manifestScopes$
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
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Describes ScopeGen's scopes in the OpenAPI document.</summary>
    $generated$
    $access$ static class ScopeGenOpenApiOptionsExtensions
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
""";
}
