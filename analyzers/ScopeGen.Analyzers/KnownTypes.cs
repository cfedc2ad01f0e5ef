using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ScopeGen.Analyzers;

/// <summary>The ASP.NET Core types the analyzers look for, resolved once per compilation.</summary>
internal sealed partial class KnownTypes
{
    // The assemblies of the shared framework that define the types looked up (Find's first guess).
    private const string Mvc = "Microsoft.AspNetCore.Mvc.Core";
    private const string HttpAbstractions = "Microsoft.AspNetCore.Http.Abstractions";
    private const string Metadata = "Microsoft.AspNetCore.Metadata";

    /// <summary>The name of the generated attribute (in the manifest's namespace, which varies).</summary>
    public const string RequireScopeAttributeName = "RequireScopeAttribute";

    /// <summary>The generated endpoint extension method and its class.</summary>
    public const string RequireScopeMethodName = "RequireScope";

    public const string RequireScopeExtensionsName = "ScopeGenEndpointConventionBuilderExtensions";

    private KnownTypes(Compilation compilation)
    {
        // Looked up in the ASP.NET Core assemblies only: Compilation.GetTypeByMetadataName searches every
        // reference (two hundred with the shared framework) for each name, which made this constructor
        // the largest single cost of a run. Each type is asked of the assembly that defines it first (its
        // home in the shared framework); only when it is not there (another version, a type forwarded or
        // declared elsewhere) are the other ASP.NET Core assemblies searched. Without such assemblies (types
        // declared in source, or no ASP.NET Core at all), the compilation-wide lookup decides.
        var aspNetCore = new List<IAssemblySymbol>();
        var byName = new Dictionary<string, IAssemblySymbol>(System.StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal))
            {
                aspNetCore.Add(assembly);
                byName[assembly.Name] = assembly;
            }
        }

        INamedTypeSymbol? Find(string metadataName, string home)
        {
            if (aspNetCore.Count == 0)
            {
                return compilation.GetTypeByMetadataName(metadataName);
            }

            if (byName.TryGetValue(home, out var homeAssembly) && homeAssembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } found)
            {
                return found;
            }

            foreach (var assembly in aspNetCore)
            {
                if (!ReferenceEquals(assembly, homeAssembly) && assembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type)
                {
                    return type;
                }
            }

            return null;
        }

        Delegate = compilation.GetSpecialType(SpecialType.System_Delegate);
        Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        EndpointRouteBuilder = Find("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder", "Microsoft.AspNetCore.Routing");
        ControllerAttribute = Find("Microsoft.AspNetCore.Mvc.ControllerAttribute", Mvc);
        if (EndpointRouteBuilder is null && ControllerAttribute is null)
        {
            // Neither minimal APIs nor MVC: the analyzers have nothing to look at, so nothing else is looked up.
            return;
        }

        EndpointConventionBuilder = Find("Microsoft.AspNetCore.Builder.IEndpointConventionBuilder", HttpAbstractions);
        NonControllerAttribute = Find("Microsoft.AspNetCore.Mvc.NonControllerAttribute", Mvc);
        NonActionAttribute = Find("Microsoft.AspNetCore.Mvc.NonActionAttribute", Mvc);
        AllowAnonymous = Find("Microsoft.AspNetCore.Authorization.IAllowAnonymous", Metadata);
        AuthorizeData = Find("Microsoft.AspNetCore.Authorization.IAuthorizeData", Metadata);
        RequestDelegate = Find("Microsoft.AspNetCore.Http.RequestDelegate", HttpAbstractions);
        RouteTemplateProvider = Find("Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider", Mvc);
        Hub = Find("Microsoft.AspNetCore.SignalR.Hub", "Microsoft.AspNetCore.SignalR.Core");
        PageModel = Find("Microsoft.AspNetCore.Mvc.RazorPages.PageModel", "Microsoft.AspNetCore.Mvc.RazorPages");
        FindOtherFrameworks(compilation);
        foreach (var contract in new[] { AuthorizeData, AllowAnonymous, EndpointConventionBuilder, EndpointRouteBuilder, RouteTemplateProvider, NonActionAttribute, NonControllerAttribute, ControllerAttribute })
        {
            if (contract is not null)
            {
                interfaceCaches.Add((contract, new System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool>(ReferenceComparer<ITypeSymbol>.Instance)));
            }
        }
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

    public bool IsAllowAnonymousAttribute(ITypeSymbol? type) => IsA(type, AllowAnonymous);

    public bool IsAuthorizeAttribute(ITypeSymbol? type) => IsA(type, AuthorizeData);

    /// <summary>
    /// <see cref="Implements"/>, remembered per type for the contracts asked about most (the attribute and
    /// builder interfaces, and the MVC attributes every action and controller is checked for): the public
    /// symbol API builds a new array for every AllInterfaces call, and walking base classes compares symbols
    /// at every step. Keyed by the definition's symbol object (a compilation hands out one object per
    /// definition), which hashes far faster than symbol equality; a second object would only miss.
    /// </summary>
    public bool IsA(ITypeSymbol? type, INamedTypeSymbol? contract)
    {
        if (type is null || contract is null)
        {
            return false;
        }

        System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool>? cache = null;
        foreach (var (known, implementations) in interfaceCaches)
        {
            if (ReferenceEquals(known, contract))
            {
                cache = implementations;
                break;
            }
        }

        if (cache is null)
        {
            return Implements(type, contract);
        }

        // The original definition: a type with a nullable annotation (any operation's type, with nullable
        // enabled) is a new object on every call, which would make every lookup a miss and grow the table.
        var key = type.OriginalDefinition;
        if (!cache.TryGetValue(key, out var result))
        {
            result = Implements(key, contract);
            cache.TryAdd(key, result);
        }

        return result;
    }

    /// <summary>The contracts asked about, each with the types known to implement (or derive from) it or not.</summary>
    private readonly List<(INamedTypeSymbol Contract, System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool> Implementations)> interfaceCaches = new();

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

    /// <summary>Whether a symbol is declared in <c>Microsoft.AspNetCore</c> or a namespace inside it.</summary>
    public static bool IsAspNetCoreType(ISymbol? symbol)
    {
        // Walked rather than formatted: ToDisplayString allocated a string for every call checked.
        INamespaceSymbol? second = null;
        for (var ns = symbol?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return ns.Name == "Microsoft" && second?.Name == "AspNetCore";
            }

            second = ns;
        }

        return false;
    }

    /// <summary>Whether a symbol is declared in exactly <c>Microsoft.AspNetCore.Builder</c>.</summary>
    public static bool IsInAspNetCoreBuilderNamespace(ISymbol symbol) =>
        symbol.ContainingNamespace is { Name: "Builder" } builder && builder.ContainingNamespace is { Name: "AspNetCore" } aspNetCore
        && aspNetCore.ContainingNamespace is { Name: "Microsoft" } microsoft && microsoft.ContainingNamespace is { IsGlobalNamespace: true };

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
