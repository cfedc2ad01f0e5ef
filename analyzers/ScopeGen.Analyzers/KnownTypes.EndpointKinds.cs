using Microsoft.CodeAnalysis;

namespace ScopeGen.Analyzers;

/// <summary>The kinds of endpoint beyond controller actions and minimal APIs.</summary>
internal enum EndpointKind : byte
{
    None,

    /// <summary>A SignalR hub: every public hub method can be invoked.</summary>
    Hub,

    /// <summary>A gRPC service: every override of a generated <c>*Base</c> method is a call.</summary>
    GrpcService,

    /// <summary>A Razor Pages page model: its handlers (<c>OnGet</c>, <c>OnPostAsync</c>, ...).</summary>
    Page,

    /// <summary>A FastEndpoints endpoint class.</summary>
    FastEndpoint,
}

internal sealed partial class KnownTypes
{
    /// <summary><c>Microsoft.AspNetCore.SignalR.Hub</c> (base of <c>Hub&lt;T&gt;</c> too).</summary>
    public INamedTypeSymbol? Hub { get; }

    /// <summary><c>Microsoft.AspNetCore.Mvc.RazorPages.PageModel</c>.</summary>
    public INamedTypeSymbol? PageModel { get; }

    /// <summary><c>Grpc.Core.BindServiceMethodAttribute</c>, which protoc puts on every generated service base.</summary>
    public INamedTypeSymbol? BindServiceMethodAttribute { get; private set; }

    /// <summary><c>FastEndpoints.BaseEndpoint</c>, the root of every FastEndpoints endpoint.</summary>
    public INamedTypeSymbol? FastEndpointBase { get; private set; }

    /// <summary>Whether any endpoint kind of <see cref="EndpointKind"/> can occur (pages only when <paramref name="pages"/>).</summary>
    public bool HasOtherEndpointKinds(bool pages) =>
        Hub is not null || BindServiceMethodAttribute is not null || FastEndpointBase is not null || (pages && PageModel is not null);

    /// <summary>
    /// Looked up in their own assemblies by name, as the ASP.NET Core types are: a project without gRPC or
    /// FastEndpoints pays one comparison per reference and nothing afterwards.
    /// </summary>
    private void FindOtherFrameworks(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            switch (assembly.Name)
            {
                case "Grpc.Core.Api":
                    BindServiceMethodAttribute = assembly.GetTypeByMetadataName("Grpc.Core.BindServiceMethodAttribute");
                    break;
                case "FastEndpoints":
                    FastEndpointBase = assembly.GetTypeByMetadataName("FastEndpoints.BaseEndpoint");
                    break;
            }
        }
    }

    /// <summary>
    /// The endpoint kind a base class (its definition) makes of the classes derived from it, if any. Asked for
    /// each base class, nearest first, once per class (<see cref="EndpointCoverage.FactsOf"/>); the nearest
    /// answer counts.
    /// </summary>
    public EndpointKind KindFromBase(INamedTypeSymbol baseDefinition)
    {
        if (Hub is not null && SymbolEqualityComparer.Default.Equals(baseDefinition, Hub))
        {
            return EndpointKind.Hub;
        }

        if (PageModel is not null && SymbolEqualityComparer.Default.Equals(baseDefinition, PageModel))
        {
            return EndpointKind.Page;
        }

        if (FastEndpointBase is not null && SymbolEqualityComparer.Default.Equals(baseDefinition, FastEndpointBase))
        {
            return EndpointKind.FastEndpoint;
        }

        return BindServiceMethodAttribute is not null && IsGrpcServiceBase(baseDefinition) ? EndpointKind.GrpcService : EndpointKind.None;
    }

    /// <summary>Whether a type is a generated gRPC service base (it carries <c>[BindServiceMethod]</c>).</summary>
    public bool IsGrpcServiceBase(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, BindServiceMethodAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
