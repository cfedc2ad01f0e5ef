using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>
/// SCOPE001 for the endpoints that are neither controller actions nor minimal APIs: SignalR hub methods,
/// gRPC service methods, Razor Pages handlers (when the project opts in) and FastEndpoints endpoints.
/// </summary>
internal sealed class OtherEndpointsRule
{
    /// <summary>The MSBuild property (made visible to the compiler by ScopeGen.props) that turns Razor Pages checks on.</summary>
    public const string RazorPagesProperty = "build_property.ScopeGenCheckRazorPages";

    private static readonly ImmutableDictionary<string, string?> MethodFix =
        ImmutableDictionary<string, string?>.Empty.Add(ScopeInference.FixTargetProperty, "Method");

    private static readonly ImmutableDictionary<string, string?> NoFix =
        ImmutableDictionary<string, string?>.Empty.Add(ScopeInference.FixTargetProperty, "None");

    private readonly EndpointCoverage coverage;
    private readonly KnownTypes types;
    private readonly bool pages;

    private OtherEndpointsRule(EndpointCoverage coverage, bool pages)
    {
        this.coverage = coverage;
        types = coverage.Types;
        this.pages = pages;
    }

    /// <summary>The rule when the compilation references one of these frameworks; otherwise null (no work at all).</summary>
    public static OtherEndpointsRule? Create(EndpointCoverage? coverage, AnalyzerOptions options)
    {
        if (coverage is null)
        {
            return null;
        }

        var pages = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(RazorPagesProperty, out var value)
            && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return coverage.Types.HasOtherEndpointKinds(pages) ? new OtherEndpointsRule(coverage, pages) : null;
    }

    /// <summary>A method of a hub, gRPC service or page model.</summary>
    public void AnalyzeMethod(in SymbolAnalysisContext context, in OwnAttributes own)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract || method.IsGenericMethod
            || method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { TypeKind: TypeKind.Class, IsAbstract: false } type)
        {
            return;
        }

        var kind = coverage.FactsOf(type).Kind;
        switch (kind)
        {
            case EndpointKind.Hub when IsHubMethod(method, types):
                if (!coverage.IsActionCoveredByItsAttributes(method, own) && !IsTypeCovered(type) && !coverage.IsMappedTypeCovered("MapHub", type))
                {
                    Report(context, method, MethodFix);
                }

                break;
            case EndpointKind.GrpcService when IsGrpcMethod(method, types):
                if (!coverage.IsActionCoveredByItsAttributes(method, own) && !IsTypeCovered(type) && !coverage.IsMappedTypeCovered("MapGrpcService", type))
                {
                    Report(context, method, MethodFix);
                }

                break;
            case EndpointKind.Page when pages && IsPageHandler(method):
                // Razor Pages read authorization from the page model, never from a handler (SCOPE007 says so):
                // the message sends the attribute to the class.
                if (!IsTypeCovered(type) && !coverage.IsPageCoveredByConvention(type))
                {
                    Report(context, method, NoFix, $"[RequireScope(...)] to page model '{type.Name}' (not to the handler) or an AuthorizePage/AuthorizeFolder convention", $"[AllowAnonymous] on '{type.Name}'");
                }

                break;
        }
    }

    /// <summary>A FastEndpoints endpoint class.</summary>
    public void AnalyzeType(in SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.IsAbstract || type.IsGenericType || coverage.FactsOf(type).Kind != EndpointKind.FastEndpoint || IsTypeCovered(type)
            || coverage.IsFastEndpointConfigured(type, context.CancellationToken))
        {
            return;
        }

        if (GeneratedCode.FirstLocationInUserCode(type.Locations, context.Options, context.CancellationToken) is { } location)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingScope, location, NoFix, $"'{type.Name}'", "Scopes(...) to Configure()", "AllowAnonymous()"));
        }
    }

    private bool IsTypeCovered(INamedTypeSymbol type) => coverage.FactsOf(type).IsCoveredByAttributes;

    private static void Report(in SymbolAnalysisContext context, IMethodSymbol method, ImmutableDictionary<string, string?> properties, string fix = "[RequireScope(...)]", string anonymous = "[AllowAnonymous]")
    {
        if (GeneratedCode.FirstLocationInUserCode(method.Locations, context.Options, context.CancellationToken) is { } location)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingScope, location, properties, $"'{method.ContainingType.Name}.{method.Name}'", fix, anonymous));
        }
    }

    /// <summary>
    /// A public instance method SignalR lets clients invoke: not one of Hub's own (OnConnectedAsync,
    /// OnDisconnectedAsync, Dispose) or object's, overridden or not, nor the hub's implementation of IDisposable.Dispose.
    /// </summary>
    public static bool IsHubMethod(IMethodSymbol method, KnownTypes types)
    {
        var root = method;
        while (root.OverriddenMethod is { } overridden)
        {
            root = overridden;
        }

        var declaring = root.ContainingType.OriginalDefinition;
        return declaring.SpecialType != SpecialType.System_Object && !SymbolEqualityComparer.Default.Equals(declaring, types.Hub)
            && !ControllerFacts.IsDispose(method, types);
    }

    /// <summary>An override of a method of a generated service base (its virtual methods are the service's calls).</summary>
    public static bool IsGrpcMethod(IMethodSymbol method, KnownTypes types)
    {
        if (!method.IsOverride)
        {
            return false;
        }

        var root = method;
        while (root.OverriddenMethod is { } overridden)
        {
            root = overridden;
        }

        return types.IsGrpcServiceBase(root.ContainingType.OriginalDefinition);
    }

    /// <summary>A handler as Razor Pages discovers them: <c>On{Verb}[Name][Async]</c>, declared below PageModel.</summary>
    private bool IsPageHandler(IMethodSymbol method)
    {
        var name = method.Name;
        if (name.Length < 5 || !name.StartsWith("On", StringComparison.Ordinal) || SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, types.PageModel))
        {
            return false;
        }

        foreach (var verb in Verbs)
        {
            if (string.CompareOrdinal(name, 2, verb, 0, verb.Length) == 0)
            {
                // "OnPost" followed by nothing, "Async", or an upper-case handler name (OnPostUpdate); not "OnPosted".
                var rest = name.Length - 2 - verb.Length;
                return rest == 0 || char.IsUpper(name[2 + verb.Length]);
            }
        }

        return false;
    }

    private static readonly string[] Verbs = { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" };
}
