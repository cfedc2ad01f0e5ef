using System;
using System.Collections.Generic;
using System.Linq;
using N8n.Api;

namespace N8nApi.Keys;

/// <summary>
/// One scope a user may grant: the scope, its resource (the part before ':'), the manifest's description of
/// the scope and of its resource (the picker's group heading).
/// </summary>
public sealed record GrantableScope(string Scope, string Resource, string Description, string ResourceDescription);

/// <summary>
/// Every question the sample asks the manifest about stored or requested grants, in one place, answered by
/// the generated <c>Scopes.ScopeSet</c> (parsing, with "did you mean" errors) and <c>Scopes.Catalog</c>
/// (resources, descriptions, presets).
/// </summary>
public static class ScopeGrants
{
    /// <summary>
    /// The requested scopes (one per entry, exact, ordinal; a preset name is not a scope) as a set;
    /// <paramref name="errors"/> holds one sentence per entry that is not a scope, with the closest scope
    /// when one is a typo away ("did you mean").
    /// </summary>
    public static bool TryParse(IEnumerable<string?> scopes, out Scopes.ScopeSet requested, out IReadOnlyList<string> errors)
    {
        var valid = Scopes.ScopeSet.TryParse(scopes.Distinct(StringComparer.Ordinal)!, Scopes.ScopeSet.ParseOptions.None, out requested, out var parseErrors);
        // The parser's preset message speaks to developers (ParseOptions); a key's owner gets the REST meaning.
        errors = parseErrors
            .Select(error => Scopes.Catalog.FindPreset(error.Text) is { } preset
                ? $"'{preset.Name}' is a preset, not a scope: send its scopes ({preset.Scopes.Count} of them)."
                : error.Message)
            .ToArray();
        return valid;
    }

    /// <summary>The scopes of a preset; throws with the known names when the manifest has no such preset.</summary>
    public static Scopes.ScopeSet PresetScopes(string preset, string where)
    {
        // ExpandPresets would also accept a scope here; only a preset is meant, so it is looked up first.
        if (Scopes.Catalog.FindPreset(preset) is null)
        {
            throw new InvalidOperationException($"{where}: unknown preset '{preset}'. The manifest defines: {string.Join(", ", PresetNames)}.");
        }

        return Scopes.ScopeSet.Parse(preset, Scopes.ScopeSet.ParseOptions.ExpandPresets);
    }

    /// <summary>The manifest's preset names, in manifest order.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = Scopes.Catalog.Presets.Select(preset => preset.Name).ToArray();

    /// <summary>The given scopes as grantable entries, in manifest order (so the page groups resources as the manifest does).</summary>
    public static IReadOnlyList<GrantableScope> Describe(Scopes.ScopeSet scopes) =>
        Scopes.Catalog.Resources
            .SelectMany(resource => resource.Scopes
                .Where(scope => scopes.Contains(scope.Value))
                .Select(scope => new GrantableScope(scope.Value, resource.Name, scope.Description, resource.Description)))
            .ToArray();

    /// <summary>
    /// The grant as stored and as the <c>scope</c> claim carries it: distinct, manifest order, space-delimited.
    /// The caller has validated every scope (<see cref="TryParse"/>): an unknown one throws.
    /// </summary>
    public static string Serialize(IEnumerable<string> scopes) => Scopes.ScopeSet.Parse(scopes).ToString();

    /// <summary>
    /// A stored grant back into its scopes, as the key list shows them: a former name (the manifest's
    /// <c>renamedFrom</c>, in a key stored before the rename) under its current name, as the scope set and the
    /// authorization handler read it; unknown ones kept (the authorization handler ignores them).
    /// </summary>
    public static string[] Parse(string stored) =>
        stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Scopes.Normalize).Distinct(StringComparer.Ordinal).ToArray();
}
