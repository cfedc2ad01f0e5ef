using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ScopeGen.Analyzers;

/// <summary>What an attribute class means to the rules; an attribute can be several (a custom attribute implementing both interfaces).</summary>
[Flags]
internal enum AttributeRoles : byte
{
    None = 0,

    /// <summary>ScopeGen's generated <c>[RequireScope]</c>.</summary>
    RequireScope = 1,

    /// <summary>An <c>IAuthorizeData</c> (<c>[Authorize]</c> and kin).</summary>
    AuthorizeData = 2,

    /// <summary>An <c>IAllowAnonymous</c> (<c>[AllowAnonymous]</c> and kin).</summary>
    AllowAnonymous = 4,

    /// <summary>MVC's <c>[NonAction]</c> or a class derived from it.</summary>
    NonAction = 8,

    /// <summary>MVC's <c>[NonController]</c> or a class derived from it.</summary>
    NonController = 16,

    /// <summary>MVC's <c>[Controller]</c> or a class derived from it.</summary>
    Controller = 32,
}

/// <summary>
/// A symbol's own attributes as the rules see them, read once per symbol callback. Every rule used to walk
/// the same attributes and ask each class the same questions (each an interface check); on a controllers-only
/// project that was most of the analyzer's time (bench/RESULTS.md, figure 6).
/// </summary>
/// <param name="Attributes">The symbol's attributes.</param>
/// <param name="Roles">The roles of all of them together.</param>
/// <param name="FirstRequireScope">The first <c>[RequireScope]</c>, if any.</param>
/// <param name="RequireScopeCount">How many <c>[RequireScope]</c> the symbol carries.</param>
/// <param name="AuthorizationCount">How many of its attributes are <c>[RequireScope]</c> or <c>IAuthorizeData</c> (a <c>[RequireScope]</c> is both, counted once).</param>
internal readonly record struct OwnAttributes(ImmutableArray<AttributeData> Attributes, AttributeRoles Roles, AttributeData? FirstRequireScope, int RequireScopeCount, int AuthorizationCount)
{
    public bool Has(AttributeRoles role) => (Roles & role) != 0;

    /// <summary>Whether <see cref="FirstRequireScope"/> is the symbol's only <c>[RequireScope]</c> (the usual case), so a rule about them need not look further.</summary>
    public bool IsFirstRequireScopeTheOnlyOne => RequireScopeCount == 1;

    /// <summary>
    /// Whether <see cref="FirstRequireScope"/> is the symbol's only attribute that names scopes or policies: no other
    /// <c>[RequireScope]</c> and no <c>[Authorize]</c>, so the scope arguments are all in it.
    /// </summary>
    public bool IsFirstRequireScopeTheOnlyAuthorization => FirstRequireScope is not null && AuthorizationCount == 1;

    public static OwnAttributes Of(ISymbol symbol, KnownTypes types)
    {
        var attributes = symbol.GetAttributes();
        var roles = AttributeRoles.None;
        AttributeData? requireScope = null;
        var requireScopeCount = 0;
        var authorizationCount = 0;
        foreach (var attribute in attributes)
        {
            var role = types.RolesOf(attribute.AttributeClass);
            if ((role & AttributeRoles.RequireScope) != 0)
            {
                requireScope ??= attribute;
                requireScopeCount++;
            }

            if ((role & (AttributeRoles.RequireScope | AttributeRoles.AuthorizeData)) != 0)
            {
                authorizationCount++;
            }

            roles |= role;
        }

        return new OwnAttributes(attributes, roles, requireScope, requireScopeCount, authorizationCount);
    }
}

internal sealed partial class KnownTypes
{
    /// <summary>Keyed by the attribute class's definition object (one per definition in a compilation; generic attributes share theirs).</summary>
    private readonly ConcurrentDictionary<INamedTypeSymbol, AttributeRoles> attributeRoles = new(ReferenceComparer<INamedTypeSymbol>.Instance);

    /// <summary>The roles of an attribute class, worked out once per class.</summary>
    public AttributeRoles RolesOf(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return AttributeRoles.None;
        }

        var key = attributeClass.OriginalDefinition;
        if (!attributeRoles.TryGetValue(key, out var roles))
        {
            roles = (IsRequireScopeAttribute(key) ? AttributeRoles.RequireScope : AttributeRoles.None)
                | (IsAuthorizeAttribute(key) ? AttributeRoles.AuthorizeData : AttributeRoles.None)
                | (IsAllowAnonymousAttribute(key) ? AttributeRoles.AllowAnonymous : AttributeRoles.None)
                | (IsA(key, NonActionAttribute) ? AttributeRoles.NonAction : AttributeRoles.None)
                | (IsA(key, NonControllerAttribute) ? AttributeRoles.NonController : AttributeRoles.None)
                | (IsA(key, ControllerAttribute) ? AttributeRoles.Controller : AttributeRoles.None);
            attributeRoles.TryAdd(key, roles);
        }

        return roles;
    }
}
