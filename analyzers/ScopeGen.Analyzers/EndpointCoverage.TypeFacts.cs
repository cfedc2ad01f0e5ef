using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ScopeGen.Analyzers;

internal sealed partial class EndpointCoverage
{
    private readonly ConcurrentDictionary<ITypeSymbol, TypeFacts> typeFacts = new(ReferenceComparer<ITypeSymbol>.Instance);
    private volatile TypeFacts? lastFacts;

    /// <summary>
    /// What the rules ask of an endpoint's class, worked out once per class: every method of a controller
    /// asked it again, and walking the class's and its bases' attributes per action was most of the cost of
    /// a controllers-only project (bench/RESULTS.md, figure 6).
    /// </summary>
    public TypeFacts FactsOf(INamedTypeSymbol type)
    {
        // Keyed by the definition's object (one per definition in a compilation); a second object only misses.
        var key = type.OriginalDefinition;

        // A class's members are mostly analyzed one after another: the last answer is checked first.
        if (lastFacts is { } last && ReferenceEquals(last.Type, key))
        {
            return last;
        }

        if (!typeFacts.TryGetValue(key, out var facts))
        {
            facts = typeFacts.GetOrAdd(key, ComputeFacts(key));
        }

        lastFacts = facts;
        return facts;
    }

    /// <summary>
    /// One walk up the class and its bases answers every question of <see cref="TypeFacts"/>: each class's
    /// attributes are read once and each attribute class's roles looked up once (three walks were 11% of the
    /// analyzer's time on a controllers-only project, bench/RESULTS.md figure 6). System.Object carries none of
    /// the attributes asked about and makes no kind.
    /// </summary>
    private TypeFacts ComputeFacts(INamedTypeSymbol type)
    {
        var inheritedRoles = AttributeRoles.None;
        INamedTypeSymbol? allowAnonymousFrom = null;
        var covered = false;
        var kind = EndpointKind.None;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                var roles = types.RolesOf(attribute.AttributeClass);
                if (roles == AttributeRoles.None)
                {
                    continue;
                }

                inheritedRoles |= roles;
                if ((roles & AttributeRoles.AllowAnonymous) != 0)
                {
                    allowAnonymousFrom ??= current;
                }

                covered = covered || CoversByItself(attribute, roles);
            }

            if (kind == EndpointKind.None && !ReferenceEquals(current, type))
            {
                kind = types.KindFromBase(current.OriginalDefinition);
            }
        }

        if (type.TypeKind != TypeKind.Class || type.IsStatic)
        {
            kind = EndpointKind.None;
        }

        return new TypeFacts(type, types.HasMvc && ControllerFacts.IsController(type, inheritedRoles), kind, allowAnonymousFrom, covered);
    }
}

/// <summary>What the rules ask of a class, once (see <see cref="EndpointCoverage.FactsOf"/>).</summary>
/// <param name="Type">The class (its definition).</param>
/// <param name="IsController">An MVC controller, as MVC discovers them.</param>
/// <param name="Kind">The other endpoint kind it is, if any (<see cref="KnownTypes.KindOf"/>).</param>
/// <param name="AllowAnonymousFrom">The class itself or the base class that carries [AllowAnonymous], if any.</param>
/// <param name="IsCoveredByAttributes">Whether its or its base classes' attributes cover its endpoints (scope, scope policy or anonymous).</param>
internal sealed record TypeFacts(INamedTypeSymbol Type, bool IsController, EndpointKind Kind, INamedTypeSymbol? AllowAnonymousFrom, bool IsCoveredByAttributes);
