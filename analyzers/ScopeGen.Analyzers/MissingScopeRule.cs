using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>SCOPE001: a controller action or minimal-API endpoint with no scope requirement.</summary>
internal static class MissingScopeRule
{
    /// <summary>A controller's own action: analyzed when its own symbol is, as the compiler has bound its attributes by then.</summary>
    public static void AnalyzeDeclaredAction(in SymbolAnalysisContext context, in OwnAttributes own, EndpointCoverage coverage)
    {
        // Cheapest checks first. The class-level ones (controller, class attributes, a MapControllers()
        // convention) come last, so a project whose actions all carry a scope never computes them.
        var action = (IMethodSymbol)context.Symbol;
        if (action.MethodKind != MethodKind.Ordinary || action.IsStatic || action.DeclaredAccessibility != Accessibility.Public
            || action.ContainingType is not { TypeKind: TypeKind.Class } controller || coverage.IsActionCoveredByItsAttributes(action, own)
            || !coverage.FactsOf(controller).IsController || !ControllerFacts.IsAction(action, own, coverage.Types)
            || coverage.IsControllerCovered(controller))
        {
            return;
        }

        if (GeneratedCode.FirstLocationInUserCode(action.Locations, context.Options, context.CancellationToken) is { } location)
        {
            context.ReportDiagnostic(ControllerDiagnostic(location, $"'{controller.Name}.{action.Name}'", MethodTarget));
        }
    }

    /// <summary>The actions a controller inherits from its base classes.</summary>
    public static void AnalyzeInheritedActions(in SymbolAnalysisContext context, EndpointCoverage coverage)
    {
        var controller = (INamedTypeSymbol)context.Symbol;
        if (!coverage.FactsOf(controller).IsController || ControllerFacts.InheritedActions(controller, coverage.Types) is not { } actions
            || coverage.IsControllerCovered(controller))
        {
            return;
        }

        var location = GeneratedCode.FirstLocationInUserCode(controller.Locations, context.Options, context.CancellationToken);
        if (location is null)
        {
            return;
        }

        foreach (var action in actions)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!coverage.IsActionCoveredByItsAttributes(action))
            {
                var name = $"'{controller.Name}.{action.Name}' (inherited from '{action.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}')";
                context.ReportDiagnostic(ControllerDiagnostic(location, name, "None"));
            }
        }
    }

    private static Diagnostic ControllerDiagnostic(Location location, string name, string fixTarget) =>
        Diagnostic.Create(DiagnosticDescriptors.MissingScope, location, fixTarget == MethodTarget ? MethodProperties : NoFixProperties, name, "[RequireScope(...)]", "[AllowAnonymous]");

    /// <summary>A minimal-API mapping (MapGet, MapPost, ...).</summary>
    public static void AnalyzeMapping(in OperationAnalysisContext context, EndpointCoverage coverage)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!coverage.IsEndpointMapping(invocation, out var receiver, out var handler))
        {
            return;
        }

        if (coverage.IsEndpointCovered(invocation, receiver!, handler!, context.CancellationToken))
        {
            ConflictRules.AnalyzeCoveredMapping(context, coverage, invocation, receiver!, handler!);
            return;
        }

        var (route, verb) = MappingRoute(invocation);
        var syntax = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name : invocation.Syntax is InvocationExpressionSyntax { Expression: { } expression } ? expression : invocation.Syntax;
        var name = route is null ? $"'{invocation.TargetMethod.Name}'" : $"'{verb ?? invocation.TargetMethod.Name} {route}'";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingScope, syntax.GetLocation(), InvocationProperties, name, ".RequireScope(...)", ".AllowAnonymous()"));
    }

    private const string MethodTarget = "Method";

    // The properties say only where a fix goes. The code fix works out the route and infers the scope
    // when a fix is asked for, rather than every build doing it for every finding.
    private static readonly ImmutableDictionary<string, string?> MethodProperties = FixTarget(MethodTarget);
    private static readonly ImmutableDictionary<string, string?> InvocationProperties = FixTarget("Invocation");
    private static readonly ImmutableDictionary<string, string?> NoFixProperties = FixTarget("None");

    private static ImmutableDictionary<string, string?> FixTarget(string target) =>
        ImmutableDictionary<string, string?>.Empty.Add(ScopeInference.FixTargetProperty, target);

    /// <summary>A minimal-API mapping's route pattern and HTTP method, where they are constants.</summary>
    public static (string? Route, string? Verb) MappingRoute(IInvocationOperation invocation)
    {
        var pattern = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue;
        var route = pattern is { HasValue: true, Value: string text } ? text : null;
        var verb = invocation.TargetMethod.Name switch
        {
            "MapGet" => "GET",
            "MapPost" => "POST",
            "MapPut" => "PUT",
            "MapPatch" => "PATCH",
            "MapDelete" => "DELETE",
            "MapMethods" => FirstHttpMethod(invocation),
            _ => null,
        };
        return (route, verb);
    }

    private static string? FirstHttpMethod(IInvocationOperation invocation)
    {
        var methods = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "httpMethods")?.Value;
        while (methods is IConversionOperation conversion)
        {
            methods = conversion.Operand;
        }

        var first = methods switch
        {
            IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } values } => values[0],
            _ => null,
        };
        return first?.ConstantValue is { HasValue: true, Value: string verb } ? verb : null;
    }

    /// <summary>The action's route template (class route + action template, tokens replaced) and HTTP verb, for inference.</summary>
    public static (string? Route, string? Verb) ControllerRoute(INamedTypeSymbol controller, IMethodSymbol action, KnownTypes types)
    {
        string? verb = null;
        string? actionTemplate = null;
        ControllerFacts.AnyInheritedAttributes(action, types, (attributes, known) =>
        {
            foreach (var attribute in attributes)
            {
                var name = attribute.AttributeClass?.Name;
                if (name is null || !known.IsA(attribute.AttributeClass, known.RouteTemplateProvider) && name != "AcceptVerbsAttribute")
                {
                    continue;
                }

                verb ??= name switch
                {
                    "HttpGetAttribute" => "GET",
                    "HttpPostAttribute" => "POST",
                    "HttpPutAttribute" => "PUT",
                    "HttpPatchAttribute" => "PATCH",
                    "HttpDeleteAttribute" => "DELETE",
                    "HttpHeadAttribute" => "HEAD",
                    _ => null,
                };
                if (actionTemplate is null && attribute.ConstructorArguments.FirstOrDefault(a => a.Value is string).Value is string template)
                {
                    actionTemplate = template;
                }
            }

            return false;
        });

        // The most derived class route wins.
        string? classTemplate = null;
        ControllerFacts.AnyInheritedAttributes(controller, types, (attributes, known) =>
            (classTemplate = attributes
                .Where(a => known.IsA(a.AttributeClass, known.RouteTemplateProvider))
                .Select(a => a.ConstructorArguments.FirstOrDefault(c => c.Value is string).Value as string)
                .FirstOrDefault(t => t is not null)) is not null);

        var controllerToken = controller.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase)
            ? controller.Name.Substring(0, controller.Name.Length - "Controller".Length)
            : controller.Name;
        var route = actionTemplate is not null && (actionTemplate.StartsWith("/", StringComparison.Ordinal) || actionTemplate.StartsWith("~/", StringComparison.Ordinal))
            ? actionTemplate
            : string.Join("/", new[] { classTemplate, actionTemplate }.Where(t => !string.IsNullOrEmpty(t)));
        route = route.Replace("[controller]", controllerToken).Replace("[action]", action.Name);
        return (route.Length == 0 ? null : route, verb);
    }
}
