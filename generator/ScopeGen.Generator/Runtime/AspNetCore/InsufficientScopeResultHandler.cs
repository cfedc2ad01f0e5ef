// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// Wraps the app's <c>IAuthorizationMiddlewareResultHandler</c>. When an authenticated caller is refused
    /// because it lacks a scope, the 403 says what would satisfy the endpoint: a request that carried a bearer
    /// token gets <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="..."</c> (RFC 6750 §3.1), any
    /// other an <c>application/problem+json</c> body listing the required scopes. Everything else (401s,
    /// refusals for roles or other requirements, <see cref="ScopeAuthorizationOptions.DescribeInsufficientScope"/>
    /// off) is left to the wrapped handler unchanged.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class InsufficientScopeResultHandler : global::Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
    {
        /// <summary>The problem type of the body: RFC 9110's 403 Forbidden.</summary>
        public const string ProblemType = "https://tools.ietf.org/html/rfc9110#section-15.5.4";

        private readonly global::Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler inner;
        private readonly global::Microsoft.Extensions.Options.IOptions<ScopeAuthorizationOptions> options;

        /// <summary>Wraps <paramref name="inner"/>, the handler the app registered (ASP.NET Core's default one unless it chose another).</summary>
        public InsufficientScopeResultHandler(global::Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler inner, global::Microsoft.Extensions.Options.IOptions<ScopeAuthorizationOptions> options)
        {
            this.inner = inner ?? throw new global::System.ArgumentNullException(nameof(inner));
            this.options = options ?? throw new global::System.ArgumentNullException(nameof(options));
        }

        /// <inheritdoc />
        public async global::System.Threading.Tasks.Task HandleAsync(global::Microsoft.AspNetCore.Http.RequestDelegate next, global::Microsoft.AspNetCore.Http.HttpContext context, global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy, global::Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
        {
            if (context == null)
            {
                throw new global::System.ArgumentNullException(nameof(context));
            }

            if (authorizeResult == null || !authorizeResult.Forbidden || !options.Value.DescribeInsufficientScope || !IsAuthenticated(context.User))
            {
                await inner.HandleAsync(next, context, policy, authorizeResult!).ConfigureAwait(false);
                return;
            }

            var missing = MissingScopes(authorizeResult.AuthorizationFailure);
            if (missing.Count == 0)
            {
                await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
                return;
            }

            var bearer = CarriesBearerToken(context.Request);
            if (bearer)
            {
                global::Microsoft.AspNetCore.Http.HeaderDictionaryExtensions.Append(context.Response.Headers, "WWW-Authenticate", BearerChallenge(missing));
            }

            await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            if (!bearer && !context.Response.HasStarted && context.Response.StatusCode == 403)
            {
                await WriteProblemAsync(context.Response, missing).ConfigureAwait(false);
            }
        }

        /// <summary>The any-of sets of the scope requirements that failed, in policy order.</summary>
        public static global::System.Collections.Generic.List<global::System.Collections.Generic.IReadOnlyList<string>> MissingScopes(global::Microsoft.AspNetCore.Authorization.AuthorizationFailure? failure)
        {
            var result = new global::System.Collections.Generic.List<global::System.Collections.Generic.IReadOnlyList<string>>();
            if (failure == null)
            {
                return result;
            }

            foreach (var requirement in failure.FailedRequirements)
            {
                var scope = requirement as ScopeRequirement;
                if (scope != null)
                {
                    result.Add(scope.AnyOf);
                }
            }

            return result;
        }

        /// <summary>
        /// <c>Bearer error="insufficient_scope", scope="a b"</c>: the scopes of every failed requirement, each once.
        /// With one failed requirement (the usual case) that is its any-of set; the problem body, not this header,
        /// is exact about several.
        /// </summary>
        public static string BearerChallenge(global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>> missing)
        {
            var scopes = new global::System.Collections.Generic.List<string>();
            foreach (var anyOf in missing)
            {
                foreach (var scope in anyOf)
                {
                    if (!scopes.Contains(scope))
                    {
                        scopes.Add(scope);
                    }
                }
            }

            // A quoted-string: '"' and '\' are escaped (RFC 9110 §5.6.4); RFC 6750 scope tokens never hold them.
            var value = string.Join(" ", scopes).Replace("\\", "\\\\").Replace("\"", "\\\"");
            return "Bearer error=\"insufficient_scope\", scope=\"" + value + "\"";
        }

        private static bool CarriesBearerToken(global::Microsoft.AspNetCore.Http.HttpRequest request)
        {
            foreach (var value in request.Headers.Authorization)
            {
                if (value != null && value.Length > 7 && value.StartsWith("Bearer ", global::System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAuthenticated(global::System.Security.Claims.ClaimsPrincipal? user)
        {
            if (user == null)
            {
                return false;
            }

            foreach (var identity in user.Identities)
            {
                if (identity != null && identity.IsAuthenticated)
                {
                    return true;
                }
            }

            return false;
        }

        private static async global::System.Threading.Tasks.Task WriteProblemAsync(global::Microsoft.AspNetCore.Http.HttpResponse response, global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>> missing)
        {
            var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();
            using (var json = new global::System.Text.Json.Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("type", ProblemType);
                json.WriteString("title", "Forbidden");
                json.WriteNumber("status", 403);
                json.WriteString("detail", "The credential lacks a scope this endpoint requires.");
                json.WriteStartObject("requiredScopes");
                json.WriteStartArray("allOf");
                foreach (var anyOf in missing)
                {
                    json.WriteStartArray();
                    foreach (var scope in anyOf)
                    {
                        json.WriteStringValue(scope);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            response.ContentType = "application/problem+json";
            response.ContentLength = buffer.WrittenCount;
            await response.Body.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }
    }
}
