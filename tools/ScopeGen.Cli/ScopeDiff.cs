using System;
using System.Collections.Generic;
using System.Linq;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary>One scope as <c>diff</c> compares it.</summary>
public sealed record ScopeEntry(string Scope, string Resource, string Action, string? Description, bool IsDeprecated, string? DeprecationMessage)
{
    /// <summary>The former scope strings the manifest declares for it (<c>renamedFrom</c>).</summary>
    public IReadOnlyList<string> RenamedFrom { get; init; } = Array.Empty<string>();
}

/// <summary>
/// A scope of the old manifest that the new one declares as a former name (<c>renamedFrom</c>) of <paramref name="To"/>:
/// keys holding it keep working, so it is not breaking.
/// </summary>
public sealed record DeclaredRename(ScopeEntry From, ScopeEntry To);

/// <summary>A removed scope; breaking when the old manifest had not deprecated it.</summary>
public sealed record RemovedScope(ScopeEntry Scope)
{
    /// <summary>Whether removing it breaks keys already issued without warning.</summary>
    public bool IsBreaking => !Scope.IsDeprecated;
}

/// <summary>A removed and an added scope that look like one renamed.</summary>
/// <param name="From">The removed scope.</param>
/// <param name="To">The added scope.</param>
/// <param name="Basis">What they share: <c>resource</c> or <c>action</c>.</param>
/// <param name="Similarity">The descriptions' similarity, 0 to 1 (<see cref="ScopeDiff.Similarity"/>).</param>
public sealed record RenamedScope(ScopeEntry From, ScopeEntry To, string Basis, double Similarity);

/// <summary>A scope in both manifests whose description changed.</summary>
public sealed record DescribedScope(string Scope, string? OldDescription, string? NewDescription);

/// <summary>A preset added, removed, or with different expanded scopes.</summary>
/// <param name="Name">The preset name.</param>
/// <param name="Change"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="AddedScopes">Scopes the preset selects now and did not before.</param>
/// <param name="RemovedScopes">Scopes the preset selected before and does not now.</param>
public sealed record PresetChange(string Name, string Change, IReadOnlyList<string> AddedScopes, IReadOnlyList<string> RemovedScopes);

/// <summary>The differences between two versions of a set of manifests, compared by scope string.</summary>
public sealed record ScopeDiff(
    IReadOnlyList<ScopeEntry> Added,
    IReadOnlyList<RemovedScope> Removed,
    IReadOnlyList<RenamedScope> Renamed,
    IReadOnlyList<ScopeEntry> Deprecated,
    IReadOnlyList<ScopeEntry> Undeprecated,
    IReadOnlyList<DescribedScope> Described,
    IReadOnlyList<PresetChange> Presets)
{
    /// <summary>The least description similarity for a removed/added pair to be reported as a likely rename.</summary>
    public const double RenameThreshold = 0.6;

    /// <summary>Whether any scope was removed without being deprecated first.</summary>
    public bool IsBreaking => Removed.Any(removed => removed.IsBreaking);

    /// <summary>Scopes renamed with <c>renamedFrom</c>: neither in <see cref="Removed"/> nor (the new scope) in <see cref="Added"/>.</summary>
    public IReadOnlyList<DeclaredRename> DeclaredRenames { get; init; } = Array.Empty<DeclaredRename>();

    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => DeclaredRenames.Count + Added.Count + Removed.Count + Deprecated.Count + Undeprecated.Count + Described.Count + Presets.Count == 0;

    /// <summary>Compares <paramref name="oldCatalog"/> with <paramref name="newCatalog"/>.</summary>
    public static ScopeDiff Compare(ScopeCatalog oldCatalog, ScopeCatalog newCatalog)
    {
        // API keys hold scope strings, not C# names: a scope is the same scope whatever class it lands in.
        var oldScopes = ScopesOf(oldCatalog);
        var newScopes = ScopesOf(newCatalog);

        // A removed scope that the new manifest names as a former name is a rename that keeps keys working.
        var declared = new List<DeclaredRename>();
        foreach (var newScope in newScopes.Values)
        {
            foreach (var former in newScope.RenamedFrom)
            {
                if (oldScopes.TryGetValue(former, out var oldScope) && !newScopes.ContainsKey(former))
                {
                    declared.Add(new DeclaredRename(oldScope, newScope));
                }
            }
        }

        var renamedAway = new HashSet<string>(declared.Select(d => d.From.Scope), StringComparer.Ordinal);
        var renamedTo = new HashSet<string>(declared.Select(d => d.To.Scope), StringComparer.Ordinal);
        var added = newScopes.Values.Where(scope => !oldScopes.ContainsKey(scope.Scope) && !renamedTo.Contains(scope.Scope)).ToList();
        var removed = oldScopes.Values.Where(scope => !newScopes.ContainsKey(scope.Scope) && !renamedAway.Contains(scope.Scope)).Select(scope => new RemovedScope(scope)).ToList();
        var deprecated = new List<ScopeEntry>();
        var undeprecated = new List<ScopeEntry>();
        var described = new List<DescribedScope>();
        foreach (var newScope in newScopes.Values)
        {
            if (!oldScopes.TryGetValue(newScope.Scope, out var oldScope))
            {
                continue;
            }

            if (newScope.IsDeprecated && !oldScope.IsDeprecated)
            {
                deprecated.Add(newScope);
            }
            else if (!newScope.IsDeprecated && oldScope.IsDeprecated)
            {
                undeprecated.Add(newScope);
            }

            if (!string.Equals(oldScope.Description, newScope.Description, StringComparison.Ordinal))
            {
                described.Add(new DescribedScope(newScope.Scope, oldScope.Description, newScope.Description));
            }
        }

        return new ScopeDiff(added, removed, FindRenames(removed, added), deprecated, undeprecated, described, ComparePresets(oldCatalog, newCatalog))
        {
            DeclaredRenames = declared,
        };
    }

    /// <summary>
    /// The Sørensen–Dice coefficient of the two texts' character bigrams (lower-cased, whitespace
    /// collapsed): 2·|shared bigrams| / (|bigrams of a| + |bigrams of b|), counting repeats. 1 for equal
    /// texts, 0 when they share no pair of adjacent characters.
    /// </summary>
    public static double Similarity(string a, string b)
    {
        var left = Bigrams(a);
        var right = Bigrams(b);
        if (left.Count == 0 && right.Count == 0)
        {
            return Normalize(a) == Normalize(b) ? 1 : 0;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bigram in left)
        {
            counts[bigram] = counts.TryGetValue(bigram, out var n) ? n + 1 : 1;
        }

        var shared = 0;
        foreach (var bigram in right)
        {
            if (counts.TryGetValue(bigram, out var n) && n > 0)
            {
                counts[bigram] = n - 1;
                shared++;
            }
        }

        return 2.0 * shared / (left.Count + right.Count);
    }

    private static List<RenamedScope> FindRenames(List<RemovedScope> removed, List<ScopeEntry> added)
    {
        var candidates = new List<RenamedScope>();
        foreach (var gone in removed.Select(r => r.Scope))
        {
            foreach (var fresh in added)
            {
                var basis = gone.Resource == fresh.Resource ? "resource" : gone.Action == fresh.Action ? "action" : null;
                if (basis is null || gone.Description is null || fresh.Description is null)
                {
                    continue;
                }

                var similarity = Similarity(gone.Description, fresh.Description);
                if (similarity >= RenameThreshold)
                {
                    candidates.Add(new RenamedScope(gone, fresh, basis, similarity));
                }
            }
        }

        // Greedy best-first matching: each scope takes part in at most one rename.
        var used = new HashSet<string>(StringComparer.Ordinal);
        var renames = new List<RenamedScope>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Similarity))
        {
            if (used.Contains("-" + candidate.From.Scope) || used.Contains("+" + candidate.To.Scope))
            {
                continue;
            }

            used.Add("-" + candidate.From.Scope);
            used.Add("+" + candidate.To.Scope);
            renames.Add(candidate);
        }

        var order = removed.Select((r, i) => (r.Scope.Scope, i)).ToDictionary(p => p.Scope, p => p.i, StringComparer.Ordinal);
        return renames.OrderBy(r => order[r.From.Scope]).ToList();
    }

    private static List<PresetChange> ComparePresets(ScopeCatalog oldCatalog, ScopeCatalog newCatalog)
    {
        var oldPresets = PresetsOf(oldCatalog);
        var newPresets = PresetsOf(newCatalog);
        var newByName = newPresets.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var oldNames = new HashSet<string>(oldPresets.Select(p => p.Key), StringComparer.Ordinal);
        var changes = new List<PresetChange>();
        foreach (var (name, oldScopes) in oldPresets)
        {
            if (!newByName.TryGetValue(name, out var newScopes))
            {
                changes.Add(new PresetChange(name, "removed", Array.Empty<string>(), oldScopes));
                continue;
            }

            var addedScopes = newScopes.Except(oldScopes, StringComparer.Ordinal).ToList();
            var removedScopes = oldScopes.Except(newScopes, StringComparer.Ordinal).ToList();
            if (addedScopes.Count + removedScopes.Count > 0)
            {
                changes.Add(new PresetChange(name, "changed", addedScopes, removedScopes));
            }
        }

        foreach (var (name, newScopes) in newPresets)
        {
            if (!oldNames.Contains(name))
            {
                changes.Add(new PresetChange(name, "added", newScopes, Array.Empty<string>()));
            }
        }

        return changes;
    }

    private static Dictionary<string, ScopeEntry> ScopesOf(ScopeCatalog catalog)
    {
        var scopes = new Dictionary<string, ScopeEntry>(StringComparer.Ordinal);
        foreach (var resource in catalog.Classes.SelectMany(c => c.Resources))
        {
            foreach (var scope in resource.Scopes)
            {
                if (!scopes.ContainsKey(scope.Value))
                {
                    scopes.Add(scope.Value, new ScopeEntry(scope.Value, resource.Name, scope.Action, scope.Description, scope.IsDeprecated, scope.DeprecationMessage)
                    {
                        RenamedFrom = scope.RenamedFrom.ToList(),
                    });
                }
            }
        }

        return scopes;
    }

    /// <summary>The presets by name, first definition wins, in manifest order.</summary>
    private static List<KeyValuePair<string, IReadOnlyList<string>>> PresetsOf(ScopeCatalog catalog)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var presets = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var preset in catalog.Classes.SelectMany(c => c.Presets))
        {
            if (seen.Add(preset.Name))
            {
                presets.Add(new KeyValuePair<string, IReadOnlyList<string>>(preset.Name, preset.Scopes.ToList()));
            }
        }

        return presets;
    }

    private static string Normalize(string text) =>
        string.Join(" ", text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Bigrams(string text)
    {
        var normalized = Normalize(text);
        var bigrams = new List<string>(Math.Max(0, normalized.Length - 1));
        for (var i = 0; i + 1 < normalized.Length; i++)
        {
            bigrams.Add(normalized.Substring(i, 2));
        }

        return bigrams;
    }
}
