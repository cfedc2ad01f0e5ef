// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// Succeeds each <see cref="ScopeRequirement"/> the user satisfies under the configured
    /// <see cref="ScopeAuthorizationOptions"/>, whatever the authorization resource (an <c>HttpContext</c>, a
    /// hub invocation, an MVC filter context, an app object or none); logs each denial. A singleton that
    /// <c>AddScopeAuthorization()</c> registers; an evaluation allocates nothing.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopeAuthorizationHandler : global::Microsoft.AspNetCore.Authorization.IAuthorizationHandler
    {
        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, string, global::System.Exception?> LogNotAuthenticated =
            global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, string>(
                global::Microsoft.Extensions.Logging.LogLevel.Debug,
                new global::Microsoft.Extensions.Logging.EventId(1, "ScopeDeniedNotAuthenticated"),
                "Scope requirement not met for endpoint '{Endpoint}': the request is not authenticated. Required: any of [{RequiredScopes}].");

        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, string, global::System.Exception?> LogMissingScope =
            global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, string>(
                global::Microsoft.Extensions.Logging.LogLevel.Information,
                new global::Microsoft.Extensions.Logging.EventId(2, "ScopeDeniedMissingScope"),
                "Scope requirement not met for endpoint '{Endpoint}': the caller holds none of the required scopes. Required: any of [{RequiredScopes}].");

        private readonly global::Microsoft.Extensions.Options.IOptions<ScopeAuthorizationOptions> options;
        private readonly global::Microsoft.Extensions.Logging.ILogger logger;

        /// <summary>Reads <paramref name="options"/> on every evaluation; logs denials to the <see cref="ScopeRequirement"/> category.</summary>
        public ScopeAuthorizationHandler(global::Microsoft.Extensions.Options.IOptions<ScopeAuthorizationOptions> options, global::Microsoft.Extensions.Logging.ILogger<ScopeRequirement> logger)
        {
            this.options = options ?? throw new global::System.ArgumentNullException(nameof(options));
            this.logger = logger ?? throw new global::System.ArgumentNullException(nameof(logger));
        }

        /// <inheritdoc />
        public global::System.Threading.Tasks.Task HandleAsync(global::Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context)
        {
            if (context == null)
            {
                throw new global::System.ArgumentNullException(nameof(context));
            }

            var configured = options.Value;

            // The authorization service passes the policy's requirement list: indexing it allocates nothing.
            var requirements = context.Requirements;
            if (requirements is global::System.Collections.Generic.IReadOnlyList<global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement> list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Handle(context, list[i] as ScopeRequirement, configured);
                }
            }
            else
            {
                foreach (var requirement in requirements)
                {
                    Handle(context, requirement as ScopeRequirement, configured);
                }
            }

            return global::System.Threading.Tasks.Task.CompletedTask;
        }

        private void Handle(global::Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context, ScopeRequirement? requirement, ScopeAuthorizationOptions configured)
        {
            if (requirement == null)
            {
                return;
            }

            if (requirement.IsSatisfiedBy(context.User, configured))
            {
                context.Succeed(requirement);
            }
            else
            {
                LogDenial(context, requirement);
            }
        }

        private void LogDenial(global::Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context, ScopeRequirement requirement)
        {
            // Logs what was required and where; never the credential, the claims or the query string.
            var authenticated = HasAuthenticatedIdentity(context.User);
            if (!logger.IsEnabled(authenticated ? global::Microsoft.Extensions.Logging.LogLevel.Information : global::Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                return;
            }

            var endpoint = Describe(context.Resource);
            if (authenticated)
            {
                LogMissingScope(logger, endpoint, requirement.Display, null);
            }
            else
            {
                LogNotAuthenticated(logger, endpoint, requirement.Display, null);
            }
        }

        private static string Describe(object? resource)
        {
            var httpContext = resource as global::Microsoft.AspNetCore.Http.HttpContext;
            if (httpContext != null)
            {
                return global::Microsoft.AspNetCore.Http.EndpointHttpContextExtensions.GetEndpoint(httpContext)?.DisplayName ?? "(no endpoint)";
            }

            var endpoint = resource as global::Microsoft.AspNetCore.Http.Endpoint;
            if (endpoint != null)
            {
                return endpoint.DisplayName ?? "(no endpoint)";
            }

            return resource == null ? "(no resource)" : "(" + resource.GetType().FullName + ")";
        }

        private static bool HasAuthenticatedIdentity(global::System.Security.Claims.ClaimsPrincipal? user)
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
    }
}
