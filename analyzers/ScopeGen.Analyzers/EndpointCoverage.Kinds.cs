using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>Coverage of the endpoint kinds mapped by type (hubs, gRPC services, Razor Pages) and of FastEndpoints' <c>Configure()</c>.</summary>
internal sealed partial class EndpointCoverage
{
    private readonly ConcurrentDictionary<string, List<IInvocationOperation>> typeMappings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, INamedTypeSymbol), bool> mappedTypeCovered = new();
    private List<PageConvention>? pageConventions;

    /// <summary>
    /// Whether a hub or gRPC service is covered by its mapping: every <c>MapHub&lt;T&gt;()</c> (or
    /// <c>MapGrpcService&lt;T&gt;()</c>) of the type carries a covering convention, or is made on a covered
    /// route group. A type mapped nowhere in the compilation is not covered by a mapping.
    /// </summary>
    public bool IsMappedTypeCovered(string mapMethodName, INamedTypeSymbol type) =>
        mappedTypeCovered.GetOrAdd((mapMethodName, type.OriginalDefinition), key => ComputeMappedTypeCovered(key.Item1, key.Item2));

    private bool ComputeMappedTypeCovered(string mapMethodName, INamedTypeSymbol type)
    {
        var calls = typeMappings.GetOrAdd(mapMethodName, name => FindInvocations(name, CancellationToken.None, out _)
            .Where(call => call.TargetMethod is { IsGenericMethod: true, IsExtensionMethod: true } method && KnownTypes.IsInAspNetCoreBuilderNamespace(method))
            .ToList());
        var mapped = 0;
        foreach (var call in calls)
        {
            if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.TypeArguments[0].OriginalDefinition, type))
            {
                continue;
            }

            mapped++;
            var receiver = call.Instance ?? call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
            if (!ResultCovered(call, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, CancellationToken.None)
                && (receiver is null || !BuilderCovered(receiver, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, CancellationToken.None)))
            {
                return false;
            }
        }

        return mapped > 0;
    }

    /// <summary>
    /// Whether a Razor Pages convention covers a page model: <c>AuthorizePage</c>/<c>AuthorizeFolder</c> with a
    /// scope or preset policy, or <c>AllowAnonymousToPage</c>/<c>AllowAnonymousToFolder</c>. The page's path is
    /// taken from the model's namespace below <c>Pages</c> and its name without <c>Model</c>
    /// (<c>App.Pages.Admin.IndexModel</c> is <c>/Admin/Index</c>), the templates' layout.
    /// </summary>
    public bool IsPageCoveredByConvention(INamedTypeSymbol pageModel)
    {
        var conventions = LazyInitializer.EnsureInitialized(ref pageConventions, ComputePageConventions)!;
        if (conventions.Count == 0)
        {
            return false;
        }

        var path = PagePath(pageModel);
        foreach (var convention in conventions)
        {
            if (convention.Folder ? IsInFolder(path, convention.Path) : path is not null && string.Equals(path, convention.Path, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInFolder(string? path, string folder)
    {
        folder = folder.TrimEnd('/');
        if (folder.Length == 0)
        {
            return true;
        }

        return path is not null && path.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The page path the templates' layout gives a page model, or null when its namespace has no <c>Pages</c>.</summary>
    public static string? PagePath(INamedTypeSymbol pageModel)
    {
        var segments = new List<string>();
        var found = false;
        for (var ns = pageModel.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "Pages")
            {
                found = true;
                break;
            }

            segments.Insert(0, ns.Name);
        }

        if (!found)
        {
            return null;
        }

        var name = pageModel.Name.EndsWith("Model", StringComparison.Ordinal) && pageModel.Name.Length > "Model".Length
            ? pageModel.Name.Substring(0, pageModel.Name.Length - "Model".Length)
            : pageModel.Name;
        segments.Add(name);
        return "/" + string.Join("/", segments);
    }

    private List<PageConvention> ComputePageConventions()
    {
        var conventions = new List<PageConvention>();
        foreach (var name in new[] { "AuthorizePage", "AuthorizeFolder", "AllowAnonymousToPage", "AllowAnonymousToFolder" })
        {
            foreach (var call in FindInvocations(name, CancellationToken.None, out _))
            {
                if (call.TargetMethod.ContainingAssembly?.Name.StartsWith("Microsoft.AspNetCore.Mvc.RazorPages", StringComparison.Ordinal) != true)
                {
                    continue;
                }

                string? path = null;
                string? policy = null;
                foreach (var argument in call.Arguments)
                {
                    var value = argument.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
                    switch (argument.Parameter?.Name)
                    {
                        case "pageName" or "folderPath":
                            path = value;
                            break;
                        case "policy":
                            policy = value;
                            break;
                    }
                }

                var anonymous = name.StartsWith("AllowAnonymous", StringComparison.Ordinal);
                if (path is not null && (anonymous || (policy is not null && index.IsPolicy(policy))))
                {
                    conventions.Add(new PageConvention(path, Folder: name.EndsWith("Folder", StringComparison.Ordinal)));
                }
            }
        }

        return conventions;
    }

    private sealed record PageConvention(string Path, bool Folder);

    /// <summary>
    /// Whether the endpoint's <c>Configure()</c> (its own or a source base class's) calls <c>Scopes</c>/<c>ScopesAll</c>
    /// with a manifest scope, <c>Policies</c> with a scope or preset policy, <c>Permissions</c>/<c>PermissionsAll</c>,
    /// <c>AllowAnonymous</c>, or <c>Options(b =&gt; b.RequireScope(...))</c>.
    /// </summary>
    public bool IsFastEndpointConfigured(INamedTypeSymbol endpoint, CancellationToken cancellationToken)
    {
        for (var type = endpoint; type is not null && !type.DeclaringSyntaxReferences.IsEmpty; type = type.BaseType)
        {
            foreach (var member in type.GetMembers("Configure"))
            {
                // Casts into locals, not `is not ... configure`: a pattern variable used after a negated test is not
                // definitely assigned once Stryker rewrites the condition (here and in ConfigureCovers).
                var configure = member as IMethodSymbol;
                if (configure is null || configure.Parameters.Length != 0 || configure.IsAbstract)
                {
                    continue;
                }

                foreach (var reference in configure.DeclaringSyntaxReferences)
                {
                    if (ConfigureCovers(reference.GetSyntax(cancellationToken), cancellationToken))
                    {
                        return true;
                    }
                }

                // The most derived Configure is the one FastEndpoints runs.
                return false;
            }
        }

        return false;
    }

    private bool ConfigureCovers(SyntaxNode declaration, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var node in declaration.DescendantNodes())
        {
            var invocation = node as InvocationExpressionSyntax;
            if (invocation is null)
            {
                continue;
            }

            var name = invocation.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };
            if (name is not ("Scopes" or "ScopesAll" or "Policies" or "Permissions" or "PermissionsAll" or "AllowAnonymous" or "RequireScope"))
            {
                continue;
            }

            model ??= SemanticModelFor(declaration.SyntaxTree);
            var call = model.GetOperation(invocation, cancellationToken) as IInvocationOperation;
            if (call is null)
            {
                continue;
            }

            if (name == "RequireScope")
            {
                // Inside Options(b => b.RequireScope(...)): the endpoint's route builder.
                if (KnownTypes.IsRequireScopeMethod(call.TargetMethod))
                {
                    return true;
                }

                continue;
            }

            if (call.TargetMethod.ContainingAssembly?.Name != "FastEndpoints")
            {
                continue;
            }

            switch (name)
            {
                case "AllowAnonymous" or "Permissions" or "PermissionsAll":
                    return true;
                case "Scopes" or "ScopesAll" when ArgumentStrings(call, s => index.TryGetScope(s, out _)):
                    return true;
                case "Policies" when ArgumentStrings(call, index.IsPolicy):
                    return true;
            }
        }

        return false;
    }

    private static bool ArgumentStrings(IInvocationOperation call, Func<string, bool> test)
    {
        foreach (var value in ArgumentValues(call))
        {
            if (value.ConstantValue is { HasValue: true, Value: string text } && test(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a route builder expression is made anonymous: <c>.AllowAnonymous()</c> on it, on a group it comes from, or in the one value of its local.</summary>
    public bool BuilderAllowsAnonymous(IOperation expression, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (Unwrap(expression))
        {
            case IInvocationOperation call:
                if (KnownTypes.IsAllowAnonymousMethod(call.TargetMethod))
                {
                    return true;
                }

                var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod ? call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value : null);
                return receiver is not null && KnownTypes.IsAspNetCoreType(call.TargetMethod.ContainingType) && IsBuilderType(call.Type) && BuilderAllowsAnonymous(receiver, depth + 1);
            case ILocalReferenceOperation local:
                var values = AssignedValues(local.Local, expression, out var escapes);
                return !escapes && values.Count == 1 && BuilderAllowsAnonymous(values[0], depth + 1);
            default:
                return false;
        }
    }

    /// <summary>The lambda or method a minimal-API handler argument stands for.</summary>
    public static ISymbol? HandlerSymbol(IOperation handler)
    {
        var value = Unwrap(handler);
        if (value is IDelegateCreationOperation creation)
        {
            value = Unwrap(creation.Target);
        }

        return value switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };
    }

    /// <summary>The <c>.RequireScope(...)</c> call in the fluent chain made on an endpoint's builder, if any.</summary>
    public static IInvocationOperation? RequireScopeInChain(IInvocationOperation mapping)
    {
        IOperation top = mapping;
        for (var i = 0; i < MaxDepth; i++)
        {
            var parent = top.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            var call = parent switch
            {
                IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation extension } when extension.TargetMethod.IsExtensionMethod => extension,
                IInvocationOperation instance when instance.Instance is not null && Unwrap(instance.Instance) == Unwrap(top) => instance,
                _ => null,
            };
            if (call is null)
            {
                return null;
            }

            if (KnownTypes.IsRequireScopeMethod(call.TargetMethod))
            {
                return call;
            }

            top = call;
        }

        return null;
    }
}
