using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>
/// SCOPE008: a scope the manifest declares that nothing in the compilation requires (no <c>[RequireScope]</c>,
/// <c>.RequireScope()</c>, scope or preset policy, FastEndpoints <c>Scopes</c>/<c>Policies</c>) and that is not
/// <c>reserved: true</c>. Reported once per scope at its line of the manifest, at compilation end, and only in
/// a project that has endpoints (a library of scope constants requires nothing itself).
/// </summary>
internal sealed class OrphanScopeRule
{
    private readonly ScopeIndex index;
    private readonly EndpointCoverage? coverage;
    private readonly ConcurrentDictionary<string, byte> used = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The string objects already counted. A scope is nearly always written as its generated constant, whose
    /// value is one string object however often it is used: checking that object by reference skips hashing
    /// the string twice per use.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> counted = new(ReferenceComparer<string>.Instance);
    private volatile bool hasEndpoints;

    public OrphanScopeRule(ScopeIndex index, EndpointCoverage? coverage)
    {
        this.index = index;
        this.coverage = coverage;
    }

    /// <summary>A scope or policy name used by a requirement: a scope counts itself, a preset every scope it holds.</summary>
    public void Use(string? value)
    {
        if (value is null || counted.ContainsKey(value))
        {
            return;
        }

        if (index.TryGetScope(value, out _))
        {
            used.TryAdd(value, 0);

            hasEndpoints = true;
            counted.TryAdd(value, 0);
        }
        else if (index.PresetScopes.TryGetValue(value, out var scopes))
        {
            foreach (var scope in scopes)
            {
                used.TryAdd(scope, 0);
            }

            hasEndpoints = true;
            counted.TryAdd(value, 0);
        }
    }

    /// <summary>Whether a type makes this a project with endpoints (a controller, hub, gRPC service, page or FastEndpoints endpoint).</summary>
    public void AnalyzeType(INamedTypeSymbol type)
    {
        if (hasEndpoints || coverage is null || type.TypeKind != TypeKind.Class)
        {
            return;
        }

        var facts = coverage.FactsOf(type);
        if (facts.IsController || facts.Kind != EndpointKind.None)
        {
            hasEndpoints = true;
        }
    }

    /// <summary>A minimal-API mapping makes this a project with endpoints; FastEndpoints' Scopes and Policies use scopes.</summary>
    public void AnalyzeInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "Scopes" or "ScopesAll" or "Policies" && method.ContainingAssembly?.Name == "FastEndpoints")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        Use(element.ConstantValue is { HasValue: true, Value: string text } ? text : null);
                    }
                }
                else
                {
                    Use(argument.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null);
                }
            }

            return;
        }

        if (!hasEndpoints && coverage is not null && coverage.Types.HasRouting && EndpointCoverage.IsMapMethodName(method.Name)
            && coverage.IsEndpointMapping(invocation, out _, out _))
        {
            hasEndpoints = true;
        }
    }

    public void AnalyzeCompilationEnd(CompilationAnalysisContext context)
    {
        if (!hasEndpoints)
        {
            return;
        }

        foreach (var declaration in index.Declarations)
        {
            if (!declaration.IsReserved && !used.ContainsKey(declaration.Value))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OrphanScope, declaration.Location, declaration.Value));
            }
        }
    }
}
