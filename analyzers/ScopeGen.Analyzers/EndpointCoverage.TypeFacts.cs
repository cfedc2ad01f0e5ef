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
            facts = new TypeFacts(
                key,
                types.HasMvc && ControllerFacts.IsController(key, types),
                types.KindOf(key),
                AllowAnonymousFrom(key),
                ControllerFacts.AnyInheritedAttributes(key, this, static (attributes, coverage) => coverage.AttributesCover(attributes)));
            facts = typeFacts.GetOrAdd(key, facts);
        }

        lastFacts = facts;
        return facts;
    }

    /// <summary>The type (itself or a base class) that carries [AllowAnonymous], if any.</summary>
    private INamedTypeSymbol? AllowAnonymousFrom(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (types.IsAllowAnonymousAttribute(attribute.AttributeClass))
                {
                    return current;
                }
            }
        }

        return null;
    }
}

/// <summary>What the rules ask of a class, once (see <see cref="EndpointCoverage.FactsOf"/>).</summary>
/// <param name="Type">The class (its definition).</param>
/// <param name="IsController">An MVC controller, as MVC discovers them.</param>
/// <param name="Kind">The other endpoint kind it is, if any (<see cref="KnownTypes.KindOf"/>).</param>
/// <param name="AllowAnonymousFrom">The class itself or the base class that carries [AllowAnonymous], if any.</param>
/// <param name="IsCoveredByAttributes">Whether its or its base classes' attributes cover its endpoints (scope, scope policy or anonymous).</param>
internal sealed record TypeFacts(INamedTypeSymbol Type, bool IsController, EndpointKind Kind, INamedTypeSymbol? AllowAnonymousFrom, bool IsCoveredByAttributes);
