using Microsoft.CodeAnalysis;

namespace ScopeGen.Analyzers;

/// <summary>The ASP.NET Core types the analyzers look for, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    /// <summary>The name of the generated attribute (in the manifest's namespace, which varies).</summary>
    public const string RequireScopeAttributeName = "RequireScopeAttribute";

    /// <summary>The generated endpoint extension method and its class.</summary>
    public const string RequireScopeMethodName = "RequireScope";

    public const string RequireScopeExtensionsName = "ScopeGenEndpointConventionBuilderExtensions";

    private KnownTypes(Compilation compilation)
    {
        EndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        EndpointConventionBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IEndpointConventionBuilder");
        ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        AllowAnonymous = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
        AuthorizeData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAuthorizeData");
        RequestDelegate = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.RequestDelegate");
        Delegate = compilation.GetSpecialType(SpecialType.System_Delegate);
        Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        RouteTemplateProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
    }

    public INamedTypeSymbol? EndpointRouteBuilder { get; }

    public INamedTypeSymbol? EndpointConventionBuilder { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? AllowAnonymous { get; }

    public INamedTypeSymbol? AuthorizeData { get; }

    public INamedTypeSymbol? RequestDelegate { get; }

    public INamedTypeSymbol Delegate { get; }

    public INamedTypeSymbol Disposable { get; }

    public INamedTypeSymbol? RouteTemplateProvider { get; }

    /// <summary>Whether minimal APIs (routing) are referenced.</summary>
    public bool HasRouting => EndpointRouteBuilder is not null;

    /// <summary>Whether MVC controllers are referenced.</summary>
    public bool HasMvc => ControllerAttribute is not null;

    /// <summary>The types of a compilation that references ASP.NET Core routing or MVC; otherwise null.</summary>
    public static KnownTypes? Create(Compilation compilation)
    {
        // Shared by the four analyzers: each lookup by metadata name searches every reference.
        var types = PerCompilation.GetValue(compilation, static c => new KnownTypes(c));
        return types.HasRouting || types.HasMvc ? types : null;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownTypes> PerCompilation = new();

    public bool IsRequireScopeAttribute(ITypeSymbol? type) => type is { Name: RequireScopeAttributeName, TypeKind: TypeKind.Class };

    public bool IsAllowAnonymousAttribute(ITypeSymbol? type) => Implements(type, AllowAnonymous);

    public bool IsAuthorizeAttribute(ITypeSymbol? type) => Implements(type, AuthorizeData);

    /// <summary>Whether <paramref name="method"/> is the generated <c>RequireScope(params string[])</c> extension.</summary>
    public static bool IsRequireScopeMethod(IMethodSymbol method) =>
        method.Name == RequireScopeMethodName && method.ContainingType?.Name == RequireScopeExtensionsName;

    /// <summary>Whether <paramref name="method"/> is ASP.NET Core's <c>AllowAnonymous()</c> convention.</summary>
    public static bool IsAllowAnonymousMethod(IMethodSymbol method) =>
        method.Name == "AllowAnonymous" && IsAspNetCoreType(method.ContainingType);

    /// <summary>Whether <paramref name="method"/> is ASP.NET Core's <c>RequireAuthorization(...)</c> convention.</summary>
    public static bool IsRequireAuthorizationMethod(IMethodSymbol method) =>
        method.Name == "RequireAuthorization" && IsAspNetCoreType(method.ContainingType);

    /// <summary>Whether <paramref name="method"/> is ASP.NET Core's <c>WithMetadata(params object[])</c> convention.</summary>
    public static bool IsWithMetadataMethod(IMethodSymbol method) =>
        method.Name == "WithMetadata" && IsAspNetCoreType(method.ContainingType);

    public static bool IsAspNetCoreType(ISymbol? symbol)
    {
        var ns = symbol?.ContainingNamespace?.ToDisplayString();
        return ns is not null && ns.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal);
    }

    public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? contract)
    {
        if (type is null || contract is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, contract))
        {
            return true;
        }

        if (contract.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, contract))
                {
                    return true;
                }
            }

            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, contract))
            {
                return true;
            }
        }

        return false;
    }
}
