using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace N8nApi.Keys;

/// <summary>
/// What each role may put on a key: the scopes of the manifest preset named for it in
/// <c>Users:RolePresets</c>. A role with no entry may grant nothing. Checked once, at start.
/// </summary>
public sealed class RoleGrants
{
    private readonly Dictionary<string, HashSet<string>> grantable = new(StringComparer.Ordinal);

    public RoleGrants(IOptions<UserOptions> options)
    {
        foreach (var (role, preset) in options.Value.RolePresets)
        {
            grantable[role] = new HashSet<string>(ScopeGrants.PresetScopes(preset, $"{UserOptions.SectionName}:RolePresets:{role}"), StringComparer.Ordinal);
        }
    }

    public bool IsKnownRole(string role) => grantable.ContainsKey(role);

    /// <summary>The scopes <paramref name="role"/> may grant, in manifest order.</summary>
    public IReadOnlyList<GrantableScope> For(string role) =>
        grantable.TryGetValue(role, out var scopes) ? ScopeGrants.Describe(scopes) : Array.Empty<GrantableScope>();

    public bool MayGrant(string role, string scope) => grantable.TryGetValue(role, out var scopes) && scopes.Contains(scope);

    /// <summary>The manifest presets whose every scope the role may grant (the page's shortcuts).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Scopes)> PresetsFor(string role) =>
        ScopeGrants.PresetNames
            .Select(name => (Name: name, Scopes: ScopeGrants.PresetScopes(name, "preset")))
            .Where(preset => preset.Scopes.All(scope => MayGrant(role, scope)))
            .ToArray();
}
