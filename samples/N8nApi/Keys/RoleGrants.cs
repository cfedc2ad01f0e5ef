using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;
using N8n.Api;

namespace N8nApi.Keys;

/// <summary>
/// What each role may put on a key: the scopes of the manifest preset named for it in
/// <c>Users:RolePresets</c>. A role with no entry may grant nothing. Checked once, at start.
/// </summary>
public sealed class RoleGrants
{
    private readonly Dictionary<string, Scopes.ScopeSet> grantable = new(StringComparer.Ordinal);

    public RoleGrants(IOptions<UserOptions> options)
    {
        foreach (var (role, preset) in options.Value.RolePresets)
        {
            grantable[role] = ScopeGrants.PresetScopes(preset, $"{UserOptions.SectionName}:RolePresets:{role}");
        }
    }

    public bool IsKnownRole(string role) => grantable.ContainsKey(role);

    /// <summary>The scopes <paramref name="role"/> may grant, in manifest order.</summary>
    public IReadOnlyList<GrantableScope> For(string role) =>
        grantable.TryGetValue(role, out var scopes) ? ScopeGrants.Describe(scopes) : Array.Empty<GrantableScope>();

    public bool MayGrant(string role, string scope) => grantable.TryGetValue(role, out var scopes) && scopes.Contains(scope);

    /// <summary>The manifest presets whose every scope the role may grant (the page's shortcuts).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Scopes)> PresetsFor(string role)
    {
        var mayGrant = grantable.GetValueOrDefault(role);
        return Scopes.Catalog.Presets
            .Where(preset => preset.ScopeSet.IsSubsetOf(mayGrant))
            .Select(preset => (preset.Name, preset.Scopes))
            .ToArray();
    }
}
