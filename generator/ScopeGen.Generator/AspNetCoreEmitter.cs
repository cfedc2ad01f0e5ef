using System.Collections.Generic;
using System.Linq;

namespace ScopeGen.Generator;

/// <summary>
/// Emits the ASP.NET Core side of ScopeGen: <c>ScopeRequirement</c> (a requirement that is its own
/// handler), <c>ScopeAuthorizationOptions</c>, <c>.RequireScope(...)</c>, <c>AddScopeAuthorization()</c>
/// and one <c>RequireScopeAttribute</c> per scope-class namespace. Pure functions of their model.
/// </summary>
internal static partial class AspNetCoreEmitter
{
    /// <summary>
    /// Hint name of the shared file. The '-' keeps every ASP.NET Core hint name apart from the scope
    /// classes' (dotted identifiers, or manifest names ending in <c>.scopes.g.cs</c>).
    /// </summary>
    public const string SupportHintName = "ScopeGen-AspNetCore.g.cs";

    /// <summary>Whether the consumer gets the ASP.NET Core code at all.</summary>
    public static bool ShouldEmit(EmitOptions options, bool aspNetCoreAvailable, AspNetCoreModel model) =>
        options.HasAspNetCoreAuthorization &&
        aspNetCoreAvailable &&
        options.LanguageVersion >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8 &&
        model.ScopeClasses.Count > 0;

    public static string AttributeHintName(string @namespace) =>
        "RequireScopeAttribute-" + (@namespace.Length == 0 ? "global" : @namespace) + ".g.cs";

    /// <summary>The options, the requirement and the two extension classes.</summary>
    public static string EmitSupport(AspNetCoreModel model, EmitOptions options)
    {
        var writer = new SourceWriter();
        ScopesEmitter.WriteHeader(writer, options);
        var access = Access(options);
        WriteTemplate(writer, SupportTemplate, access);
        writer.Line();
        WriteTemplate(writer, EndpointExtensionsTemplate, access);
        writer.Line();
        WriteServiceCollectionExtensions(writer, model, access);
        writer.Line();
        WriteScopeRenames(writer, model, access);
        return writer.ToString();
    }

    /// <summary><c>RequireScopeAttribute</c> in <paramref name="namespace"/> (empty: the global namespace).</summary>
    public static string EmitAttribute(string @namespace, EmitOptions options)
    {
        var writer = new SourceWriter();
        ScopesEmitter.WriteHeader(writer, options);
        if (@namespace.Length > 0)
        {
            writer.Open("namespace " + @namespace);
        }

        WriteTemplate(writer, AttributeTemplate, Access(options));
        if (@namespace.Length > 0)
        {
            writer.Close();
        }

        return writer.ToString();
    }

    private static string Access(EmitOptions options) => options.PublicApi ? "public" : "internal";

    private static void WriteTemplate(SourceWriter writer, string template, string access)
    {
        var text = template
            .Replace("$access$", access)
            .Replace("$generated$", ScopesEmitter.GeneratedCodeAttribute);
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            writer.Line(line);
        }
    }

    private static void WriteServiceCollectionExtensions(SourceWriter writer, AspNetCoreModel model, string access)
    {
        writer.Open("namespace Microsoft.Extensions.DependencyInjection");
        writer.Line("/// <summary>Registers ScopeGen's scope authorization.</summary>");
        writer.Line(ScopesEmitter.GeneratedCodeAttribute);
        writer.Open($"{access} static class ScopeGenServiceCollectionExtensions");
        writer.Line("/// <summary>");
        writer.Line("/// Adds authorization (<c>AddAuthorization()</c>, which registers the pass-through handler that runs");
        writer.Line("/// <see cref=\"global::ScopeGen.AspNetCore.ScopeRequirement\"/>), the scope options, and one named policy per");
        writer.Line("/// manifest scope (the policy name is the scope string) and per preset (the name as written in the");
        writer.Line("/// manifest; the policy requires every scope of the preset). Policy names are case-insensitive in");
        writer.Line("/// ASP.NET Core: a name defined more than once (by several scope classes, or differing only by case)");
        writer.Line("/// gets one policy that requires the scopes of all of them.");
        writer.Line("/// </summary>");
        writer.Open($"public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddScopeAuthorization(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>? configure = null)");
        writer.Open("if (services == null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(services));");
        writer.Close();
        writer.Line();
        writer.Line("global::Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions.AddAuthorization(services, AddScopePolicies);");
        writer.Line("var options = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>(services);");
        writer.Open("if (configure != null)");
        writer.Line("options.Configure(configure);");
        writer.Close();
        writer.Line();
        writer.Line("return services;");
        writer.Close();
        writer.Line();

        const string PolicyMap = "global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<string>>";
        writer.Open("private static void AddScopePolicies(global::Microsoft.AspNetCore.Authorization.AuthorizationOptions options)");
        // AuthorizationOptions looks policies up ignoring case: names that differ only by case share one
        // policy, which then requires all of their scopes rather than whichever was added last.
        writer.Line($"var policies = new {PolicyMap}(global::System.StringComparer.OrdinalIgnoreCase);");
        writer.Line("var names = new global::System.Collections.Generic.List<string>();");
        foreach (var scopeClass in model.ScopeClasses)
        {
            var type = "global::" + scopeClass;
            writer.Open($"foreach (var scope in {type}.All)");
            writer.Line("AddPolicyScopes(policies, names, scope, new[] { scope });");
            writer.Close();
            writer.Line();
            writer.Open($"foreach (var preset in {type}.Presets.Names)");
            writer.Line($"{ScopesEmitter.IReadOnlyListOfString} presetScopes;");
            writer.Open($"if ({type}.Presets.TryGetScopes(preset, out presetScopes))");
            writer.Line("AddPolicyScopes(policies, names, preset, presetScopes);");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        writer.Open("foreach (var name in names)");
        writer.Line("var scopes = policies[name];");
        writer.Open("if (scopes.Count == 0)");
        writer.Line("// An empty preset has no policy: using its name fails as an unknown policy does, never opens the endpoint.");
        writer.Line("continue;");
        writer.Close();
        writer.Line();
        writer.Line("var requirements = new global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement[scopes.Count];");
        writer.Open("for (var i = 0; i < scopes.Count; i++)");
        writer.Line("requirements[i] = new global::ScopeGen.AspNetCore.ScopeRequirement(scopes[i]);");
        writer.Close();
        writer.Line();
        writer.Line("options.AddPolicy(name, new global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy(requirements, global::System.Array.Empty<string>()));");
        writer.Close();
        writer.Close();
        writer.Line();

        writer.Open($"private static void AddPolicyScopes({PolicyMap} policies, global::System.Collections.Generic.List<string> names, string name, {ScopesEmitter.IReadOnlyListOfString} scopes)");
        writer.Line("global::System.Collections.Generic.List<string>? existing;");
        writer.Open("if (!policies.TryGetValue(name, out existing))");
        writer.Line("existing = new global::System.Collections.Generic.List<string>();");
        writer.Line("policies.Add(name, existing);");
        writer.Line("names.Add(name);");
        writer.Close();
        writer.Line();
        writer.Open("foreach (var scope in scopes)");
        writer.Open("if (!existing.Contains(scope))");
        writer.Line("existing.Add(scope);");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Close();
    }

    private const string AttributeTemplate = """
/// <summary>
/// Requires any one of the given scopes: <c>[RequireScope(Scopes.Workflow.Read, Scopes.Workflow.List)]</c>.
/// Several <c>[RequireScope]</c> on one endpoint (method, class, base class) must all hold. Carries its own
/// requirement, so it works without registering a policy, and it fails closed.
/// </summary>
[global::System.AttributeUsage(global::System.AttributeTargets.Class | global::System.AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
$generated$
$access$ sealed class RequireScopeAttribute : global::System.Attribute, global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirementData
{
    private readonly global::ScopeGen.AspNetCore.ScopeRequirement requirement;

    /// <summary>Requires any one of <paramref name="anyOf"/> (exact, ordinal match).</summary>
    /// <exception cref="global::System.ArgumentException">No scope is given, or a scope is empty or contains a space.</exception>
    public RequireScopeAttribute(params string[] anyOf)
    {
        requirement = new global::ScopeGen.AspNetCore.ScopeRequirement(anyOf);
    }

    /// <summary>The scopes of which the caller must hold at least one.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> AnyOf => requirement.AnyOf;

    /// <summary>The requirement this attribute stands for.</summary>
    public global::ScopeGen.AspNetCore.ScopeRequirement Requirement => requirement;

    /// <inheritdoc />
    public global::System.Collections.Generic.IEnumerable<global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement> GetRequirements() => requirement.GetRequirements();
}
""";

    private const string EndpointExtensionsTemplate = """
namespace Microsoft.AspNetCore.Builder
{
    /// <summary>Scope requirements for endpoints, route groups and <c>MapControllers()</c>.</summary>
    $generated$
    $access$ static class ScopeGenEndpointConventionBuilderExtensions
    {
        /// <summary>
        /// Requires any one of <paramref name="anyOf"/>. Several calls (on a group and on an endpoint, or
        /// repeated) must all hold; the same semantics as <c>[RequireScope]</c>.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">No scope is given, or a scope is empty or contains a space.</exception>
        public static TBuilder RequireScope<TBuilder>(this TBuilder builder, params string[] anyOf)
            where TBuilder : global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
        {
            if (builder == null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            var requirement = new global::ScopeGen.AspNetCore.ScopeRequirement(anyOf);
            builder.Add(endpoint => endpoint.Metadata.Add(requirement));
            return builder;
        }
    }
}
""";

    private const string SupportTemplate = """
namespace ScopeGen.AspNetCore
{
    /// <summary>Options of ScopeGen's scope authorization: <c>services.AddScopeAuthorization(options => ...)</c>.</summary>
    $generated$
    $access$ sealed class ScopeAuthorizationOptions
    {
        /// <summary>
        /// The claim types whose values grant scopes, compared exactly (ordinal). Default: <c>scope</c>
        /// (OAuth 2.0 access tokens, RFC 9068) and <c>scp</c> (Microsoft Entra). An empty list grants nothing.
        /// </summary>
        public global::System.Collections.Generic.IList<string> ClaimTypes { get; } = new global::System.Collections.Generic.List<string> { "scope", "scp" };
    }

    /// <summary>
    /// Requires any one of <see cref="AnyOf"/>. It is also its own handler: ASP.NET Core's pass-through
    /// handler runs it, so it is enforced even when no handler was registered for it.
    /// </summary>
    /// <remarks>
    /// A scope is granted by a claim of one of <see cref="ScopeAuthorizationOptions.ClaimTypes"/> on an
    /// authenticated identity whose value, split on single spaces (U+0020), holds the scope exactly
    /// (ordinal: no case folding, trimming, prefixes or wildcards). Several claims add up. Granted scopes
    /// that nothing requires are ignored. The check allocates nothing.
    /// </remarks>
    $generated$
    $access$ sealed class ScopeRequirement : global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement, global::Microsoft.AspNetCore.Authorization.IAuthorizationHandler, global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirementData
    {
        private static readonly ScopeAuthorizationOptions DefaultOptions = new ScopeAuthorizationOptions();

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

        private readonly string[] anyOf;
        private readonly string[][] granting;
        private readonly global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement[] requirements;
        private readonly string display;

        /// <summary>Requires any one of <paramref name="anyOf"/>.</summary>
        /// <exception cref="global::System.ArgumentException">No scope is given, or a scope is empty or contains a space.</exception>
        public ScopeRequirement(params string[] anyOf)
        {
            if (anyOf == null)
            {
                throw new global::System.ArgumentNullException(nameof(anyOf));
            }

            if (anyOf.Length == 0)
            {
                throw new global::System.ArgumentException("A scope requirement needs at least one scope.", nameof(anyOf));
            }

            var copy = new string[anyOf.Length];
            for (var i = 0; i < anyOf.Length; i++)
            {
                var scope = anyOf[i];
                if (string.IsNullOrEmpty(scope) || scope.IndexOf(' ') >= 0)
                {
                    throw new global::System.ArgumentException("A required scope must be a non-empty string without spaces.", nameof(anyOf));
                }

                copy[i] = scope;
            }

            this.anyOf = copy;
            granting = new string[copy.Length][];
            for (var i = 0; i < copy.Length; i++)
            {
                // A renamed scope is also granted by its former names (renamedFrom), so keys issued before the rename keep working.
                granting[i] = ScopeRenames.GrantingStrings(copy[i]);
            }

            AnyOf = global::System.Array.AsReadOnly(copy);
            requirements = new global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement[] { this };
            display = string.Join(", ", copy);
        }

        /// <summary>The scopes of which the caller must hold at least one.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> AnyOf { get; }

        /// <inheritdoc />
        public global::System.Collections.Generic.IEnumerable<global::Microsoft.AspNetCore.Authorization.IAuthorizationRequirement> GetRequirements() => requirements;

        /// <summary>Succeeds the requirement when the user holds one of its scopes; otherwise leaves it unmet and logs the denial.</summary>
        public global::System.Threading.Tasks.Task HandleAsync(global::Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context)
        {
            if (context == null)
            {
                throw new global::System.ArgumentNullException(nameof(context));
            }

            var httpContext = context.Resource as global::Microsoft.AspNetCore.Http.HttpContext;
            var services = httpContext?.RequestServices;
            var configured = services?.GetService(typeof(global::Microsoft.Extensions.Options.IOptions<ScopeAuthorizationOptions>)) as global::Microsoft.Extensions.Options.IOptions<ScopeAuthorizationOptions>;
            if (IsSatisfiedBy(context.User, configured?.Value))
            {
                context.Succeed(this);
            }
            else if (httpContext != null)
            {
                LogDenial(httpContext, context.User);
            }

            return global::System.Threading.Tasks.Task.CompletedTask;
        }

        /// <summary>Whether <paramref name="user"/> holds one of <see cref="AnyOf"/>; default options when <paramref name="options"/> is null.</summary>
        public bool IsSatisfiedBy(global::System.Security.Claims.ClaimsPrincipal? user, ScopeAuthorizationOptions? options = null)
        {
            if (user == null)
            {
                return false;
            }

            var claimTypes = (options ?? DefaultOptions).ClaimTypes;
            if (claimTypes.Count == 0)
            {
                return false;
            }

            // ClaimsPrincipal and ClaimsIdentity keep lists behind IEnumerable: indexing them avoids an
            // enumerator allocation per request. Other implementations fall back to foreach.
            var identities = user.Identities;
            if (identities is global::System.Collections.Generic.IReadOnlyList<global::System.Security.Claims.ClaimsIdentity> identityList)
            {
                for (var i = 0; i < identityList.Count; i++)
                {
                    if (IsSatisfiedBy(identityList[i], claimTypes))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var identity in identities)
            {
                if (IsSatisfiedBy(identity, claimTypes))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the space-delimited <paramref name="grantedScopes"/> holds <paramref name="scope"/> as one
        /// whole item, compared ordinally. Only U+0020 delimits: tabs, newlines and commas do not.
        /// </summary>
        public static bool ContainsScope(string? grantedScopes, string? scope)
        {
            if (grantedScopes == null || string.IsNullOrEmpty(scope))
            {
                return false;
            }

            var length = scope!.Length;
            var start = 0;
            while (start <= grantedScopes.Length - length)
            {
                var index = grantedScopes.IndexOf(scope, start, global::System.StringComparison.Ordinal);
                if (index < 0)
                {
                    return false;
                }

                var end = index + length;
                if ((index == 0 || grantedScopes[index - 1] == ' ') && (end == grantedScopes.Length || grantedScopes[end] == ' '))
                {
                    return true;
                }

                start = index + 1;
            }

            return false;
        }

        /// <inheritdoc />
        public override string ToString() => "ScopeRequirement: any of [" + display + "]";

        private bool IsSatisfiedBy(global::System.Security.Claims.ClaimsIdentity? identity, global::System.Collections.Generic.IList<string> claimTypes)
        {
            // Only an identity an authentication handler vouched for grants scopes.
            if (identity == null || !identity.IsAuthenticated)
            {
                return false;
            }

            var claims = identity.Claims;
            if (claims is global::System.Collections.Generic.IReadOnlyList<global::System.Security.Claims.Claim> claimList)
            {
                for (var i = 0; i < claimList.Count; i++)
                {
                    if (Grants(claimList[i], claimTypes))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var claim in claims)
            {
                if (Grants(claim, claimTypes))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Grants(global::System.Security.Claims.Claim? claim, global::System.Collections.Generic.IList<string> claimTypes)
        {
            if (claim == null || !IsScopeClaimType(claim.Type, claimTypes))
            {
                return false;
            }

            for (var i = 0; i < granting.Length; i++)
            {
                var strings = granting[i];
                for (var j = 0; j < strings.Length; j++)
                {
                    if (ContainsScope(claim.Value, strings[j]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsScopeClaimType(string type, global::System.Collections.Generic.IList<string> claimTypes)
        {
            for (var i = 0; i < claimTypes.Count; i++)
            {
                if (string.Equals(type, claimTypes[i], global::System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
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

        private void LogDenial(global::Microsoft.AspNetCore.Http.HttpContext httpContext, global::System.Security.Claims.ClaimsPrincipal? user)
        {
            // Logs what was required and where; never the credential, the claims or the query string.
            var logger = httpContext.RequestServices?.GetService(typeof(global::Microsoft.Extensions.Logging.ILogger<ScopeRequirement>)) as global::Microsoft.Extensions.Logging.ILogger;
            if (logger == null)
            {
                return;
            }

            var endpoint = global::Microsoft.AspNetCore.Http.EndpointHttpContextExtensions.GetEndpoint(httpContext)?.DisplayName ?? "(no endpoint)";
            if (HasAuthenticatedIdentity(user))
            {
                LogMissingScope(logger, endpoint, display, null);
            }
            else
            {
                LogNotAuthenticated(logger, endpoint, display, null);
            }
        }
    }
}
""";
}
