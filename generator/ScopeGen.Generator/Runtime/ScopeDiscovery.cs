// Emitted into projects that reference ASP.NET Core (8 or later), after the generated header. Top-level
// types are written 'public'; the generator gives them the configured accessibility (RuntimeSources). Everything
// outside this file is qualified with global:: so no type of the consumer's can capture a name.
namespace ScopeGen.AspNetCore
{
    /// <summary>An endpoint that requires scopes, as <c>MapScopeDiscovery()</c> reports it.</summary>
    public sealed class ScopeDiscoveryEndpoint
    {
        internal ScopeDiscoveryEndpoint(string method, string route, global::System.Collections.Generic.IReadOnlyList<ScopeRequirement> requirements)
        {
            Method = method;
            Route = route;
            Requirements = requirements;
        }

        /// <summary>The HTTP method, or <c>*</c> when the endpoint accepts any.</summary>
        public string Method { get; }

        /// <summary>The route template as written, e.g. <c>/api/v1/workflows/{id}</c>.</summary>
        public string Route { get; }

        /// <summary>Every requirement must hold; each is satisfied by any one of its scopes.</summary>
        public global::System.Collections.Generic.IReadOnlyList<ScopeRequirement> Requirements { get; }
    }

    /// <summary>
    /// The endpoints that require scopes, read once from the app's endpoint data sources (on the first
    /// discovery request, when every endpoint is mapped) and kept: requests only evaluate the caller.
    /// </summary>
    public sealed class ScopeDiscoveryCatalog
    {
        private readonly global::Microsoft.AspNetCore.Routing.EndpointDataSource dataSource;
        private readonly global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider? policyProvider;
        private readonly object gate = new object();
        private global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<ScopeDiscoveryEndpoint>>? endpoints;

        public ScopeDiscoveryCatalog(global::Microsoft.AspNetCore.Routing.EndpointDataSource dataSource, global::System.IServiceProvider services)
        {
            this.dataSource = dataSource;
            policyProvider = services.GetService(typeof(global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider)) as global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider;
        }

        /// <summary>How many times the endpoint list was built (once per app); for tests and diagnostics.</summary>
        public int BuildCount { get; private set; }

        /// <summary>The endpoints that require scopes, sorted by route then method.</summary>
        public global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<ScopeDiscoveryEndpoint>> GetEndpointsAsync()
        {
            lock (gate)
            {
                if (endpoints == null)
                {
                    BuildCount++;
                    endpoints = BuildAsync();
                }

                return endpoints;
            }
        }

        private async global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<ScopeDiscoveryEndpoint>> BuildAsync()
        {
            var result = new global::System.Collections.Generic.List<ScopeDiscoveryEndpoint>();
            foreach (var endpoint in dataSource.Endpoints)
            {
                if (!(endpoint is global::Microsoft.AspNetCore.Routing.RouteEndpoint route))
                {
                    continue;
                }

                var requirements = await RequirementsOf(endpoint).ConfigureAwait(false);
                if (requirements.Count == 0)
                {
                    continue;
                }

                // One spelling per route: a group's "" or "/" child gives "/prefix/", shown as "/prefix".
                var template = "/" + (route.RoutePattern.RawText ?? string.Empty).Trim('/');

                var methods = endpoint.Metadata.GetMetadata<global::Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods;
                if (methods == null || methods.Count == 0)
                {
                    result.Add(new ScopeDiscoveryEndpoint("*", template, requirements));
                    continue;
                }

                foreach (var method in methods)
                {
                    result.Add(new ScopeDiscoveryEndpoint(method, template, requirements));
                }
            }

            result.Sort((a, b) =>
            {
                var byRoute = string.CompareOrdinal(a.Route, b.Route);
                return byRoute != 0 ? byRoute : string.CompareOrdinal(a.Method, b.Method);
            });
            return result;
        }

        /// <summary>The scope requirements of an endpoint: from attributes and <c>.RequireScope()</c>, and from named scope or preset policies.</summary>
        private async global::System.Threading.Tasks.Task<global::System.Collections.Generic.List<ScopeRequirement>> RequirementsOf(global::Microsoft.AspNetCore.Http.Endpoint endpoint)
        {
            var found = new global::System.Collections.Generic.List<ScopeRequirement>();
            if (endpoint.Metadata.GetMetadata<global::Microsoft.AspNetCore.Authorization.IAllowAnonymous>() != null)
            {
                return found;
            }

            foreach (var data in endpoint.Metadata.GetOrderedMetadata<global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirementData>())
            {
                foreach (var requirement in data.GetRequirements())
                {
                    Add(found, requirement);
                }
            }

            if (policyProvider != null)
            {
                foreach (var data in endpoint.Metadata.GetOrderedMetadata<global::Microsoft.AspNetCore.Authorization.IAuthorizeData>())
                {
                    if (string.IsNullOrEmpty(data.Policy))
                    {
                        continue;
                    }

                    var policy = await policyProvider.GetPolicyAsync(data.Policy!).ConfigureAwait(false);
                    if (policy == null)
                    {
                        continue;
                    }

                    foreach (var requirement in policy.Requirements)
                    {
                        Add(found, requirement);
                    }
                }
            }

            return found;
        }

        private static void Add(global::System.Collections.Generic.List<ScopeRequirement> found, global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement requirement)
        {
            if (requirement is ScopeRequirement scope && !found.Contains(scope))
            {
                found.Add(scope);
            }
        }
    }

    /// <summary>
    /// OAuth 2.0 Protected Resource Metadata (RFC 9728) served by <c>MapProtectedResourceMetadata()</c>: what
    /// an OAuth client (an MCP client, for example) reads to find the authorization server and the scopes to ask for.
    /// </summary>
    public sealed class ProtectedResourceMetadataOptions
    {
        /// <summary>The resource identifier (<c>resource</c>): the API's absolute https (or http) URL, without a fragment. Required.</summary>
        public string? Resource { get; set; }

        /// <summary>The issuer URLs of the authorization servers that issue tokens for this resource (<c>authorization_servers</c>).</summary>
        public global::System.Collections.Generic.IList<string> AuthorizationServers { get; } = new global::System.Collections.Generic.List<string>();

        /// <summary>The scopes advertised (<c>scopes_supported</c>); empty means every scope of the manifests, in manifest order.</summary>
        public global::System.Collections.Generic.IList<string> ScopesSupported { get; } = new global::System.Collections.Generic.List<string>();

        /// <summary>How a client may send the token (<c>bearer_methods_supported</c>). Default: <c>header</c> only.</summary>
        public global::System.Collections.Generic.IList<string> BearerMethodsSupported { get; } = new global::System.Collections.Generic.List<string> { "header" };

        /// <summary>A human-readable name (<c>resource_name</c>), if any.</summary>
        public string? ResourceName { get; set; }

        /// <summary>A URL of documentation for developers (<c>resource_documentation</c>), if any.</summary>
        public string? ResourceDocumentation { get; set; }
    }

    /// <summary>Every scope of every manifest of the project, in catalog order, each once (RFC 9728 <c>scopes_supported</c>).</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public static partial class ManifestScopes
    {
        /// <summary>The scope strings.</summary>
        public static global::System.Collections.Generic.IReadOnlyList<string> All { get; } = Collect();

        private static global::System.Collections.Generic.IReadOnlyList<string> Collect()
        {
            var scopes = new global::System.Collections.Generic.List<string>();
            AddManifestScopes(scopes);
            return scopes.AsReadOnly();
        }

        // Written by the generator from the manifests' scope classes.
        static partial void AddManifestScopes(global::System.Collections.Generic.List<string> scopes);
    }
}

namespace Microsoft.AspNetCore.Builder
{
    /// <summary>Opt-in discovery endpoints: what a caller can reach, and RFC 9728 protected resource metadata.</summary>
    public static class ScopeGenDiscoveryEndpointRouteBuilderExtensions
    {
        /// <summary>
        /// Maps <c>GET <paramref name="pattern"/></c> (default <c>/scopes/discover</c>), which requires an
        /// authenticated caller and lists every endpoint that requires scopes: method, route template, the
        /// required scopes (all groups must hold, any scope of a group will do) and whether the caller's own
        /// key or token satisfies them. The endpoint list is read once; each request only evaluates the caller.
        /// </summary>
        public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapScopeDiscovery(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern = "/scopes/discover")
        {
            if (endpoints == null)
            {
                throw new global::System.ArgumentNullException(nameof(endpoints));
            }

            var catalog = new global::ScopeGen.AspNetCore.ScopeDiscoveryCatalog(
                (global::Microsoft.AspNetCore.Routing.EndpointDataSource)endpoints.ServiceProvider.GetService(typeof(global::Microsoft.AspNetCore.Routing.EndpointDataSource))!,
                endpoints.ServiceProvider);
            var builder = global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, pattern, context => WriteDiscoveryAsync(context, catalog));
            global::Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions.RequireAuthorization(builder);
            builder.Add(endpoint =>
            {
                endpoint.Metadata.Add(catalog);
                // Infrastructure, like the OpenAPI document's own route: not an operation of the API.
                endpoint.Metadata.Add(new global::Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
            });
            return builder;
        }

        /// <summary>
        /// Maps <c>GET /.well-known/oauth-protected-resource</c> (followed by the resource identifier's path,
        /// if it has one, as RFC 9728 section 3.1 says), anonymous, serving the resource identifier, the
        /// authorization servers and <c>scopes_supported</c> (default: every scope of the manifests).
        /// </summary>
        /// <exception cref="global::System.ArgumentException"><c>Resource</c> is missing, not an absolute http(s) URL, or has a fragment.</exception>
        public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapProtectedResourceMetadata(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, global::System.Action<global::ScopeGen.AspNetCore.ProtectedResourceMetadataOptions> configure)
        {
            if (endpoints == null)
            {
                throw new global::System.ArgumentNullException(nameof(endpoints));
            }

            if (configure == null)
            {
                throw new global::System.ArgumentNullException(nameof(configure));
            }

            var options = new global::ScopeGen.AspNetCore.ProtectedResourceMetadataOptions();
            configure(options);
            global::System.Uri? resource;
            if (options.Resource == null
                || !global::System.Uri.TryCreate(options.Resource, global::System.UriKind.Absolute, out resource)
                || (resource.Scheme != "https" && resource.Scheme != "http")
                || resource.Fragment.Length > 0)
            {
                throw new global::System.ArgumentException("ProtectedResourceMetadataOptions.Resource must be the resource's absolute http(s) URL without a fragment (RFC 9728 section 2).", nameof(configure));
            }

            var scopes = options.ScopesSupported.Count > 0 ? (global::System.Collections.Generic.IEnumerable<string>)options.ScopesSupported : global::ScopeGen.AspNetCore.ManifestScopes.All;
            var document = MetadataDocument(options, scopes);
            var path = resource.AbsolutePath.TrimEnd('/');
            var builder = global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, "/.well-known/oauth-protected-resource" + path, context =>
            {
                context.Response.ContentType = "application/json";
                context.Response.Headers["Cache-Control"] = "public, max-age=3600";
                return context.Response.Body.WriteAsync(document, 0, document.Length, context.RequestAborted);
            });
            global::Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions.AllowAnonymous(builder);
            builder.Add(endpoint => endpoint.Metadata.Add(new global::Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute()));
            return builder;
        }

        private static byte[] MetadataDocument(global::ScopeGen.AspNetCore.ProtectedResourceMetadataOptions options, global::System.Collections.Generic.IEnumerable<string> scopes)
        {
            var buffer = new global::System.IO.MemoryStream();
            using (var json = new global::System.Text.Json.Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("resource", options.Resource);
                WriteStrings(json, "authorization_servers", options.AuthorizationServers);
                WriteStrings(json, "scopes_supported", scopes);
                WriteStrings(json, "bearer_methods_supported", options.BearerMethodsSupported);
                if (options.ResourceName != null)
                {
                    json.WriteString("resource_name", options.ResourceName);
                }

                if (options.ResourceDocumentation != null)
                {
                    json.WriteString("resource_documentation", options.ResourceDocumentation);
                }

                json.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static async global::System.Threading.Tasks.Task WriteDiscoveryAsync(global::Microsoft.AspNetCore.Http.HttpContext context, global::ScopeGen.AspNetCore.ScopeDiscoveryCatalog catalog)
        {
            var endpoints = await catalog.GetEndpointsAsync().ConfigureAwait(false);
            var configured = context.RequestServices.GetService(typeof(global::Microsoft.Extensions.Options.IOptions<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>)) as global::Microsoft.Extensions.Options.IOptions<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>;
            var options = configured?.Value;
            var buffer = new global::System.IO.MemoryStream();
            using (var json = new global::System.Text.Json.Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartArray("endpoints");
                foreach (var endpoint in endpoints)
                {
                    var allowed = true;
                    json.WriteStartObject();
                    json.WriteString("method", endpoint.Method);
                    json.WriteString("route", endpoint.Route);
                    json.WriteStartArray("requiredScopes");
                    foreach (var requirement in endpoint.Requirements)
                    {
                        WriteStrings(json, null, requirement.AnyOf);
                        allowed &= requirement.IsSatisfiedBy(context.User, options);
                    }

                    json.WriteEndArray();
                    json.WriteBoolean("allowed", allowed);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            context.Response.ContentType = "application/json";
            context.Response.Headers["Cache-Control"] = "no-store";
            await context.Response.Body.WriteAsync(buffer.GetBuffer(), 0, (int)buffer.Length, context.RequestAborted).ConfigureAwait(false);
        }

        private static void WriteStrings(global::System.Text.Json.Utf8JsonWriter json, string? name, global::System.Collections.Generic.IEnumerable<string> values)
        {
            if (name == null)
            {
                json.WriteStartArray();
            }
            else
            {
                json.WriteStartArray(name);
            }

            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }
    }
}
