using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ScopeGen.Analyzers;

/// <summary>
/// Which types are controllers and which methods are actions, exactly as MVC discovers them
/// (ControllerFeatureProvider, and MvcFacts in ASP.NET Core's own analyzers).
/// </summary>
internal static class ControllerFacts
{
    public static bool IsController(INamedTypeSymbol type, KnownTypes types)
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

        if (HasAttribute(type, types.NonControllerAttribute))
        {
            return false;
        }

        return type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase) || HasAttribute(type, types.ControllerAttribute);
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
        AddOverridden(controller, ref overridden);
        List<IMethodSymbol>? actions = null;
        for (var type = controller.BaseType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            if (type.DeclaringSyntaxReferences.IsEmpty)
            {
                foreach (var inherited in MetadataActionsOf(type, types))
                {
                    if (overridden is null || !overridden.Contains(inherited.OriginalDefinition))
                    {
                        (actions ??= new List<IMethodSymbol>()).Add(inherited);
                    }
                }

                break;
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

        return actions;
    }

    private static List<IMethodSymbol> MetadataActionsOf(INamedTypeSymbol type, KnownTypes types)
    {
        // TryGetValue first: the factory closure is allocated only on a miss.
        if (!MetadataActions.TryGetValue(type, out var actions))
        {
            actions = MetadataActions.GetValue(type, t => DeclaredAndInheritedActions(t, types));
        }

        return actions;
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

    private static List<IMethodSymbol> DeclaredAndInheritedActions(INamedTypeSymbol start, KnownTypes types)
    {
        var actions = new List<IMethodSymbol>();
        HashSet<IMethodSymbol>? overridden = null;
        for (var type = start; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method && (overridden is null || !overridden.Contains(method.OriginalDefinition)) && IsAction(method, types))
                {
                    actions.Add(method);
                }
            }

            AddOverridden(type, ref overridden);
        }

        return actions;
    }

    public static bool IsAction(IMethodSymbol method, KnownTypes types)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract || method.IsGenericMethod)
        {
            return false;
        }

        if (method.DeclaredAccessibility != Accessibility.Public || HasAttribute(method, types.NonActionAttribute))
        {
            return false;
        }

        // Overrides of object's methods (ToString, Equals, GetHashCode) are not actions.
        var root = method;
        while (root.OverriddenMethod is { } baseMethod)
        {
            root = baseMethod;
        }

        if (root.ContainingType.SpecialType == SpecialType.System_Object)
        {
            return false;
        }

        return !IsDispose(method, types);
    }

    /// <summary>Whether a type or method carries an attribute of (a type derived from) <paramref name="attributeType"/>, itself or inherited.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        // Loops rather than an iterator: this runs for every method of every controller.
        switch (symbol)
        {
            case INamedTypeSymbol type:
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (Contains(current.GetAttributes(), attributeType))
                    {
                        return true;
                    }
                }

                return false;
            case IMethodSymbol method:
                for (var current = method; current is not null; current = current.OverriddenMethod)
                {
                    if (Contains(current.GetAttributes(), attributeType))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return Contains(symbol.GetAttributes(), attributeType);
        }
    }

    private static bool Contains(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in attributes)
        {
            if (KnownTypes.Implements(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The attributes of a symbol and of what it inherits from: base types, or overridden methods.</summary>
    public static IEnumerable<System.Collections.Immutable.ImmutableArray<AttributeData>> InheritedAttributes(ISymbol symbol)
    {
        switch (symbol)
        {
            case INamedTypeSymbol type:
                for (var current = type; current is not null; current = current.BaseType)
                {
                    yield return current.GetAttributes();
                }

                break;
            case IMethodSymbol method:
                for (var current = method; current is not null; current = current.OverriddenMethod)
                {
                    yield return current.GetAttributes();
                }

                break;
            default:
                yield return symbol.GetAttributes();
                break;
        }
    }

    /// <summary>Whether the method is the type's implementation of <c>IDisposable.Dispose</c> (MVC skips it).</summary>
    private static bool IsDispose(IMethodSymbol method, KnownTypes types)
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
