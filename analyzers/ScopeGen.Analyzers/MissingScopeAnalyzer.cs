using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>SCOPE001: a controller action or minimal-API endpoint with no scope requirement.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingScopeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MissingScope);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        if (KnownTypes.Create(context.Compilation) is not { } types || ScopeIndex.Load(context.Options, context.CancellationToken) is not { } index)
        {
            return;
        }

        var coverage = new EndpointCoverage(context.Compilation, types, index);
        if (types.HasMvc)
        {
            context.RegisterSymbolAction(c => AnalyzeController(c, coverage, index), SymbolKind.NamedType);
        }

        if (types.HasRouting)
        {
            context.RegisterOperationAction(c => AnalyzeMapping(c, coverage, index), OperationKind.Invocation);
        }
    }

    private static void AnalyzeController(SymbolAnalysisContext context, EndpointCoverage coverage, ScopeIndex index)
    {
        var controller = (INamedTypeSymbol)context.Symbol;
        if (!ControllerFacts.IsController(controller, coverage.Types))
        {
            return;
        }

        // Decided once per controller, not per action: a covered class covers every action.
        if (coverage.IsControllerCovered(controller))
        {
            return;
        }

        foreach (var action in ControllerFacts.Actions(controller, coverage.Types))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (coverage.IsActionCoveredByItsAttributes(action))
            {
                continue;
            }

            var declaredHere = SymbolEqualityComparer.Default.Equals(action.ContainingType.OriginalDefinition, controller) && action.Locations.FirstOrDefault(l => l.IsInSource) is not null;
            var location = declaredHere ? action.Locations.First(l => l.IsInSource) : controller.Locations.FirstOrDefault(l => l.IsInSource);
            if (location is null)
            {
                continue;
            }

            var (route, verb) = ControllerRoute(controller, action, coverage.Types);
            var inference = ScopeInference.Infer(index, route, verb, controller.Name);
            var name = declaredHere
                ? $"'{controller.Name}.{action.Name}'"
                : $"'{controller.Name}.{action.Name}' (inherited from '{action.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}')";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingScope, location, Properties(inference, declaredHere ? "Method" : "None"), name));
        }
    }

    private static void AnalyzeMapping(OperationAnalysisContext context, EndpointCoverage coverage, ScopeIndex index)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!coverage.IsEndpointMapping(invocation, out var receiver, out var handler) || coverage.IsEndpointCovered(invocation, receiver!, handler!, context.CancellationToken))
        {
            return;
        }

        var method = invocation.TargetMethod;
        var pattern = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue;
        var route = pattern is { HasValue: true, Value: string text } ? text : null;
        var verb = method.Name switch
        {
            "MapGet" => "GET",
            "MapPost" => "POST",
            "MapPut" => "PUT",
            "MapPatch" => "PATCH",
            "MapDelete" => "DELETE",
            "MapMethods" => FirstHttpMethod(invocation),
            _ => null,
        };

        var syntax = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name : invocation.Syntax is InvocationExpressionSyntax { Expression: { } expression } ? expression : invocation.Syntax;
        var inference = ScopeInference.Infer(index, route, verb, controllerName: null);
        var name = route is null ? $"'{method.Name}'" : $"'{verb ?? method.Name} {route}'";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingScope, syntax.GetLocation(), Properties(inference, "Invocation"), name));
    }

    private static ImmutableDictionary<string, string?> Properties(ScopeInference.Result inference, string fixTarget) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(ScopeInference.CandidatesProperty, ScopeInference.Encode(inference.Candidates))
            .Add(ScopeInference.InferredProperty, inference.Inferred is null ? "false" : "true")
            .Add(ScopeInference.FixTargetProperty, fixTarget);

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
    private static (string? Route, string? Verb) ControllerRoute(INamedTypeSymbol controller, IMethodSymbol action, KnownTypes types)
    {
        string? verb = null;
        string? actionTemplate = null;
        foreach (var attributes in ControllerFacts.InheritedAttributes(action))
        {
            foreach (var attribute in attributes)
            {
                var name = attribute.AttributeClass?.Name;
                if (name is null || !KnownTypes.Implements(attribute.AttributeClass, types.RouteTemplateProvider) && name != "AcceptVerbsAttribute")
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
        }

        string? classTemplate = null;
        foreach (var attributes in ControllerFacts.InheritedAttributes(controller))
        {
            classTemplate ??= attributes
                .Where(a => KnownTypes.Implements(a.AttributeClass, types.RouteTemplateProvider))
                .Select(a => a.ConstructorArguments.FirstOrDefault(c => c.Value is string).Value as string)
                .FirstOrDefault(t => t is not null);
        }

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
