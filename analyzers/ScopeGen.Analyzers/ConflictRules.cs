using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>
/// Scope requirements that compile but never run: on an interface member (SCOPE005), under an
/// <c>[AllowAnonymous]</c> or <c>.AllowAnonymous()</c> from farther away (SCOPE006), on a method that is no
/// endpoint (SCOPE007).
/// </summary>
internal static class ConflictRules
{
    /// <summary>A method's own [RequireScope]: on an interface, under a farther AllowAnonymous, or on a non-endpoint.</summary>
    public static void AnalyzeMethod(in SymbolAnalysisContext context, in OwnAttributes own, EndpointCoverage coverage)
    {
        // Most methods have no [RequireScope] of their own, or are actions that have one: asked first.
        var method = (IMethodSymbol)context.Symbol;
        var types = coverage.Types;
        if (own.FirstRequireScope is not { } requirement || method.MethodKind != MethodKind.Ordinary || method.ContainingType is not { } type)
        {
            return;
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            Report(context, DiagnosticDescriptors.InterfaceScope, requirement, $"{type.Name}.{method.Name}");
            return;
        }

        if (type.TypeKind != TypeKind.Class || method.IsStatic)
        {
            // A static method may be a minimal-API handler, where the attribute does count.
            return;
        }

        var facts = coverage.FactsOf(type);
        var kind = facts.IsController ? (EndpointKind?)null : facts.Kind;
        bool isEndpoint;
        switch (kind)
        {
            case null:
                isEndpoint = ControllerFacts.IsAction(method, own, types);
                break;
            case EndpointKind.Hub:
                isEndpoint = method.DeclaredAccessibility == Accessibility.Public && !method.IsAbstract && !method.IsGenericMethod && OtherEndpointsRule.IsHubMethod(method, types);
                break;
            case EndpointKind.GrpcService:
                isEndpoint = method.DeclaredAccessibility == Accessibility.Public && OtherEndpointsRule.IsGrpcMethod(method, types);
                break;
            case EndpointKind.Page or EndpointKind.FastEndpoint:
                isEndpoint = false;
                break;
            default:
                return;
        }

        if (!isEndpoint)
        {
            Report(context, DiagnosticDescriptors.NonEndpointScope, requirement, $"{type.Name}.{method.Name}", "not " + WhatAnEndpointIs(kind, type));
            return;
        }

        // AllowAnonymous anywhere on the endpoint wins over any requirement, however near.
        if (facts.AllowAnonymousFrom is { } anonymous)
        {
            Report(context, DiagnosticDescriptors.AnonymousOverridesScope, requirement, $"{type.Name}.{method.Name}", anonymous.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }
    }

    /// <summary>A class's own [RequireScope] under an [AllowAnonymous] of a base class.</summary>
    public static void AnalyzeType(in SymbolAnalysisContext context, in OwnAttributes own, EndpointCoverage coverage)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (own.FirstRequireScope is not { } requirement || type.TypeKind != TypeKind.Class || type.BaseType is not { SpecialType: not SpecialType.System_Object } baseType)
        {
            return;
        }

        if (coverage.FactsOf(baseType).AllowAnonymousFrom is { } anonymous)
        {
            Report(context, DiagnosticDescriptors.AnonymousOverridesScope, requirement, type.Name, anonymous.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }
    }

    /// <summary>
    /// A minimal-API endpoint whose own requirement (<c>.RequireScope()</c> on it, or <c>[RequireScope]</c> on its lambda)
    /// stands under a route group made <c>.AllowAnonymous()</c>.
    /// </summary>
    /// <remarks>Called by SCOPE001 for covered mappings only: an endpoint with a requirement is covered.</remarks>
    public static void AnalyzeCoveredMapping(in OperationAnalysisContext context, EndpointCoverage coverage, IInvocationOperation invocation, IOperation receiver, IOperation handler)
    {
        if (!coverage.BuilderAllowsAnonymous(receiver, 0))
        {
            return;
        }

        Location? requirement = null;
        if (EndpointCoverage.HandlerSymbol(handler) is { } handlerSymbol && OwnRequireScope(handlerSymbol, coverage.Types) is { } attribute)
        {
            requirement = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation();
        }
        else if (EndpointCoverage.RequireScopeInChain(invocation) is { } call && call.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            requirement = access.Name.GetLocation();
        }

        if (requirement is not null)
        {
            var (route, verb) = MissingScopeRule.MappingRoute(invocation);
            var name = route is null ? invocation.TargetMethod.Name : $"{verb ?? invocation.TargetMethod.Name} {route}";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AnonymousOverridesScope, requirement, name, "its route group (.AllowAnonymous())"));
        }
    }

    /// <summary>What SCOPE007 says an endpoint of this kind is; built only when it reports (most methods checked are endpoints).</summary>
    private static string WhatAnEndpointIs(EndpointKind? kind, INamedTypeSymbol type) => kind switch
    {
        null => "an action of controller '" + type.Name + "' (public, not [NonAction])",
        EndpointKind.Hub => "a method clients can invoke on hub '" + type.Name + "'",
        EndpointKind.GrpcService => "an override of a service method of '" + type.Name + "'",
        EndpointKind.Page => "read on a page handler: Razor Pages take authorization from the page model class",
        _ => "read on a method of a FastEndpoints endpoint: put it on the class or call Scopes(...) in Configure()",
    };

    private static AttributeData? OwnRequireScope(ISymbol symbol, KnownTypes types)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (types.IsRequireScopeAttribute(attribute.AttributeClass))
            {
                return attribute;
            }
        }

        return null;
    }

    private static void Report(in SymbolAnalysisContext context, DiagnosticDescriptor descriptor, AttributeData attribute, params object[] arguments)
    {
        if (attribute.ApplicationSyntaxReference is not { } reference)
        {
            return;
        }

        var syntax = reference.GetSyntax(context.CancellationToken);
        if (GeneratedCode.IsGenerated(syntax.SyntaxTree, context.Options, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(descriptor, syntax.GetLocation(), arguments));
    }
}
