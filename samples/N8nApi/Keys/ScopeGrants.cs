using System;
using System.Collections.Generic;
using System.Linq;
using N8n.Api;

namespace N8nApi.Keys;

/// <summary>One scope a user may grant: the scope, its resource (the part before ':') and the manifest's description.</summary>
public sealed record GrantableScope(string Scope, string Resource, string Description);

/// <summary>
/// Every question the sample asks the manifest about stored or requested grants, in one place: today
/// answered with the generated <c>Scopes.IsDefined</c>, <c>Scopes.All</c>, <c>Scopes.TryGetDescription</c>
/// and <c>Scopes.Presets</c>; when the generator's scope catalog and scope-set value arrive, only this
/// class changes.
/// </summary>
public static class ScopeGrants
{
    /// <summary>Whether the manifest defines <paramref name="scope"/> (exact, ordinal).</summary>
    public static bool IsDefined(string scope) => Scopes.IsDefined(scope);

    /// <summary>The scopes of a preset; throws with the known names when the manifest has no such preset.</summary>
    public static IReadOnlyList<string> PresetScopes(string preset, string where)
    {
        if (!Scopes.Presets.TryGetScopes(preset, out var scopes))
        {
            throw new InvalidOperationException($"{where}: unknown preset '{preset}'. The manifest defines: {string.Join(", ", Scopes.Presets.Names)}.");
        }

        return scopes;
    }

    /// <summary>The manifest's preset names.</summary>
    public static IReadOnlyList<string> PresetNames => Scopes.Presets.Names;

    /// <summary>The given scopes as grantable entries, in manifest order (so the page groups resources as the manifest does).</summary>
    public static IReadOnlyList<GrantableScope> Describe(IEnumerable<string> scopes)
    {
        var wanted = new HashSet<string>(scopes, StringComparer.Ordinal);
        return Scopes.All
            .Where(wanted.Contains)
            .Select(scope => new GrantableScope(scope, scope[..scope.IndexOf(':')], Scopes.TryGetDescription(scope, out var description) ? description : string.Empty))
            .ToArray();
    }

    /// <summary>The grant as stored and as the <c>scope</c> claim carries it: distinct, manifest order, space-delimited.</summary>
    public static string Serialize(IEnumerable<string> scopes)
    {
        var wanted = new HashSet<string>(scopes, StringComparer.Ordinal);
        return string.Join(' ', Scopes.All.Where(wanted.Contains));
    }

    /// <summary>A stored grant back into its scopes (unknown ones kept: the authorization handler ignores them).</summary>
    public static string[] Parse(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
