using Microsoft.CodeAnalysis;

namespace ScopeGen.Generator;

/// <summary>
/// What the consumer's references offer, detected once per compilation: every edit gives a new
/// compilation, so this is the one step that looks types up on each keystroke.
/// </summary>
/// <param name="HasAuthorizationOptions">ASP.NET Core authorization (<c>AuthorizationOptions</c>) is referenced.</param>
/// <param name="HasAspNetCore">
/// Everything the ASP.NET Core code uses is referenced: ASP.NET Core 8's <c>IAuthorizationRequirementData</c>
/// (the version marker), the authorization policy and middleware services, options validation, and the
/// routing and hosting abstractions. A project with only the authorization package, or an older
/// ASP.NET Core, gets no ASP.NET Core code rather than code that does not compile.
/// </param>
/// <param name="HasOpenApi">
/// On top of that, Microsoft.AspNetCore.OpenApi 10 (transformers that see the document) over Microsoft.OpenApi
/// 2.x (whose object model the generated code uses).
/// </param>
internal sealed record ReferencedApis(bool HasAuthorizationOptions, bool HasAspNetCore, bool HasOpenApi)
{
    private static readonly string[] AspNetCoreTypes =
    {
        "Microsoft.AspNetCore.Authorization.IAuthorizationRequirementData",
        "Microsoft.AspNetCore.Authorization.IAuthorizationHandler",
        "Microsoft.AspNetCore.Http.HttpContext",
        "Microsoft.AspNetCore.Builder.IEndpointConventionBuilder",
        "Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions",
        "Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions",
        "Microsoft.Extensions.Logging.LoggerMessage",
        "Microsoft.Extensions.Options.IOptions`1",
        "Microsoft.AspNetCore.Authorization.IAuthorizeData",
        "Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider",
        "Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler",
        "Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult",
        "Microsoft.Extensions.Options.IValidateOptions`1",
        "Microsoft.Extensions.DependencyInjection.OptionsBuilderExtensions",
        "Microsoft.Extensions.DependencyInjection.ActivatorUtilities",
        "System.Text.Json.Utf8JsonWriter",
    };

    private static readonly string[] OpenApiTypes =
    {
        "Microsoft.AspNetCore.OpenApi.OpenApiOptions",
        "Microsoft.AspNetCore.OpenApi.IOpenApiOperationTransformer",
        "Microsoft.AspNetCore.OpenApi.IOpenApiDocumentTransformer",
        "Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription",
        "Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor",
        "Microsoft.AspNetCore.Routing.EndpointDataSource",
        "Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider",
        "Microsoft.AspNetCore.Authorization.IAllowAnonymous",
        "Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement",
        // Microsoft.OpenApi 2.x: one namespace, references held by the document, JSON node extensions.
        "Microsoft.OpenApi.OpenApiDocument",
        "Microsoft.OpenApi.OpenApiSecuritySchemeReference",
        "Microsoft.OpenApi.JsonNodeExtension",
        "System.Text.Json.Nodes.JsonObject",
    };

    public static ReferencedApis Detect(Compilation compilation)
    {
        var hasAuthorization = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizationOptions") is not null;
        var hasAspNetCore = hasAuthorization && HasAll(compilation, AspNetCoreTypes);
        return new ReferencedApis(hasAuthorization, hasAspNetCore, hasAspNetCore && HasAll(compilation, OpenApiTypes) && OperationTransformersSeeTheDocument(compilation));
    }

    private static bool HasAll(Compilation compilation, string[] metadataNames)
    {
        foreach (var name in metadataNames)
        {
            if (compilation.GetTypeByMetadataName(name) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Microsoft.AspNetCore.OpenApi 10 gives operation transformers the document (9.x did not).</summary>
    private static bool OperationTransformersSeeTheDocument(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext") is { } context
        && !context.GetMembers("Document").IsEmpty;
}
