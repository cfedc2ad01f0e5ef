using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ScopeGen.Analyzers;

/// <summary>
/// Which types are controllers and which methods are actions, exactly as MVC discovers them
/// (ControllerFeatureProvider, and MvcFacts in ASP.NET Core's own analyzers).
/// </summary>
internal static class ControllerFacts
{
    /// <summary>Whether a class is a controller, given the roles of the attributes on it and its base classes together.</summary>
    public static bool IsController(INamedTypeSymbol type, AttributeRoles inheritedRoles)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic)
        {
            return false;
        }

        // Only public top-level, closed classes: ControllerFeatureProvider checks IsPublic and ContainsGenericParameters.
        if (type.DeclaredAccessibility != Accessibility.Public || type.ContainingType is not null || type.IsGenericType)
        {
            return false;
        }

        // [NonController] and [Controller] are inherited (AttributeUsage Inherited = true), and [NonController] wins.
        if ((inheritedRoles & AttributeRoles.NonController) != 0)
        {
            return false;
        }

        return type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase) || (inheritedRoles & AttributeRoles.Controller) != 0;
    }

    /// <summary>
    /// The actions an assembly-defined base type (ControllerBase, Controller, a library's base controller)
    /// contributes, computed once per type: walking ControllerBase's two hundred methods for each of a
    /// thousand controllers was most of this analyzer's time.
    /// </summary>
    private static readonly ConditionalWeakTable<INamedTypeSymbol, List<IMethodSymbol>> MetadataActions = new();

    /// <summary>
    /// The actions a controller inherits from its base classes and does not override (its own methods are
    /// analyzed as they are declared). Null when there are none, the usual case for a ControllerBase subclass.
    /// </summary>
    public static List<IMethodSymbol>? InheritedActions(INamedTypeSymbol controller, KnownTypes types)
    {
        // The usual case, a controller straight on ControllerBase or Controller: they have no actions, and
        // nothing of the controller needs reading (GetMembers builds a new array on every call).
        if (controller.BaseType is { } direct && direct.DeclaringSyntaxReferences.IsEmpty && MetadataActionsOf(direct, types).Count == 0)
        {
            return null;
        }

        HashSet<IMethodSymbol>? overridden = null;
        List<IMethodSymbol>? actions = null;
        AddOverridden(controller, ref overridden);
        CollectActions(controller.BaseType, types, metadataFromCache: true, ref overridden, ref actions);
        return actions;
    }

    private static List<IMethodSymbol> MetadataActionsOf(INamedTypeSymbol type, KnownTypes types)
    {
        // TryGetValue first: the factory closure is allocated only on a miss.
        if (!MetadataActions.TryGetValue(type, out var actions))
        {
            actions = MetadataActions.GetValue(type, t =>
            {
                HashSet<IMethodSymbol>? overridden = null;
                List<IMethodSymbol>? found = null;
                CollectActions(t, types, metadataFromCache: false, ref overridden, ref found);
                return found ?? new List<IMethodSymbol>();
            });
        }

        return actions;
    }

    /// <summary>
    /// Adds the actions of <paramref name="start"/> and its base classes, skipping those a more derived type
    /// overrides. With <paramref name="metadataFromCache"/>, the first assembly-defined type contributes its
    /// cached actions (its own and its bases') and the walk ends there.
    /// </summary>
    private static void CollectActions(INamedTypeSymbol? start, KnownTypes types, bool metadataFromCache, ref HashSet<IMethodSymbol>? overridden, ref List<IMethodSymbol>? actions)
    {
        for (var type = start; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            if (metadataFromCache && type.DeclaringSyntaxReferences.IsEmpty)
            {
                foreach (var inherited in MetadataActionsOf(type, types))
                {
                    if (overridden is null || !overridden.Contains(inherited.OriginalDefinition))
                    {
                        (actions ??= new List<IMethodSymbol>()).Add(inherited);
                    }
                }

                return;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method && (overridden is null || !overridden.Contains(method.OriginalDefinition)) && IsAction(method, types))
                {
                    (actions ??= new List<IMethodSymbol>()).Add(method);
                }
            }

            AddOverridden(type, ref overridden);
        }
    }

    /// <summary>Records the methods that the overrides <paramref name="type"/> declares replace.</summary>
    private static void AddOverridden(INamedTypeSymbol type, ref HashSet<IMethodSymbol>? overridden)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { IsOverride: true } method)
            {
                overridden ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                for (var baseMethod = method.OverriddenMethod; baseMethod is not null; baseMethod = baseMethod.OverriddenMethod)
                {
                    overridden.Add(baseMethod.OriginalDefinition);
                }
            }
        }
    }

    public static bool IsAction(IMethodSymbol method, KnownTypes types) => IsAction(method, OwnAttributes.Of(method, types), types);

    /// <summary>The same, with the method's own attributes already read: only an override reads its base's.</summary>
    public static bool IsAction(IMethodSymbol method, in OwnAttributes own, KnownTypes types)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract || method.IsGenericMethod)
        {
            return false;
        }

        if (method.DeclaredAccessibility != Accessibility.Public || own.Has(AttributeRoles.NonAction))
        {
            return false;
        }

        // Only an override can inherit [NonAction] or be one of object's methods (ToString, Equals, GetHashCode),
        // which are not actions; most actions are not overrides, and need not walk anything.
        if (method.IsOverride && method.OverriddenMethod is { } overridden)
        {
            if (HasAttribute(overridden, types.NonActionAttribute, types))
            {
                return false;
            }

            var root = overridden;
            while (root.OverriddenMethod is { } baseMethod)
            {
                root = baseMethod;
            }

            if (root.ContainingType.SpecialType == SpecialType.System_Object)
            {
                return false;
            }
        }

        return !IsDispose(method, types);
    }

    /// <summary>Whether a type or method carries an attribute of (a type derived from) <paramref name="attributeType"/>, itself or inherited.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType, KnownTypes types) =>
        attributeType is not null && AnyInheritedAttributes(symbol, (attributeType, types), static (attributes, state) => Contains(attributes, state.attributeType, state.types));

    /// <summary>
    /// Whether <paramref name="test"/> holds for the attributes of a symbol or of what it inherits from (base
    /// types, or overridden methods), most derived first; stops at the first that does. A loop with a state
    /// argument rather than an iterator or a closure: it runs for every method of every controller.
    /// </summary>
    public static bool AnyInheritedAttributes<TState>(ISymbol symbol, TState state, Func<ImmutableArray<AttributeData>, TState, bool> test)
    {
        switch (symbol)
        {
            case INamedTypeSymbol type:
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (test(current.GetAttributes(), state))
                    {
                        return true;
                    }
                }

                return false;
            case IMethodSymbol method:
                for (var current = method; current is not null; current = current.OverriddenMethod)
                {
                    if (test(current.GetAttributes(), state))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return test(symbol.GetAttributes(), state);
        }
    }

    private static bool Contains(ImmutableArray<AttributeData> attributes, INamedTypeSymbol attributeType, KnownTypes types)
    {
        foreach (var attribute in attributes)
        {
            if (types.IsA(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the method is the type's implementation of <c>IDisposable.Dispose</c> (MVC and SignalR skip it).</summary>
    public static bool IsDispose(IMethodSymbol method, KnownTypes types)
    {
        if (method.Name != "Dispose" || method.Parameters.Length != 0 || !method.ReturnsVoid)
        {
            return false;
        }

        var disposeMembers = types.Disposable.GetMembers("Dispose");
        if (disposeMembers.Length == 0 || method.ContainingType.FindImplementationForInterfaceMember(disposeMembers[0]) is not { } implementation)
        {
            return false;
        }

        for (var current = implementation as IMethodSymbol; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current, method))
            {
                return true;
            }
        }

        return false;
    }
}
