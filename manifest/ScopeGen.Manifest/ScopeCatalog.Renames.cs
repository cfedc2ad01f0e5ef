using System;
using System.Collections.Generic;
using System.Linq;

namespace ScopeGen.Manifest;

/// <summary>
/// A valid rename: keys holding <see cref="Former"/> satisfy <see cref="Current"/>, and the generator emits
/// the former constant as <c>[Obsolete]</c> in <see cref="FormerResourceIdentifier"/>.
/// </summary>
/// <param name="Former">The former scope string.</param>
/// <param name="Current">The scope it was renamed to.</param>
/// <param name="FormerResource">The resource part of the former string.</param>
/// <param name="FormerResourceIdentifier">The class the former constant goes in (a live resource's class when the resource still exists).</param>
/// <param name="FormerIdentifier">The name of the former constant.</param>
/// <param name="CurrentConstant">The current constant relative to the scope class, e.g. <c>Workflow.Activate</c>.</param>
/// <param name="FormerResourceIsLive">Whether the former string's resource is still a resource of the class.</param>
public sealed record RenameModel(
    string Former,
    string Current,
    string FormerResource,
    string FormerResourceIdentifier,
    string FormerIdentifier,
    string CurrentConstant,
    bool FormerResourceIsLive);

/// <content>Checks <c>renamedFrom</c> across the manifests of one class.</content>
public sealed partial record ScopeCatalog
{
    private static List<RenameModel> BuildRenames(
        string className,
        List<ScopeManifest> manifests,
        List<ResourceModel> resources,
        Dictionary<string, (string File, SourceSpan Span, string Name)> classMembers,
        List<ManifestDiagnostic> diagnostics)
    {
        // Where each live scope was written, and which former names each action lists (also actions left out for other errors).
        var liveSpans = new Dictionary<string, (string File, SourceSpan Span)>(StringComparer.Ordinal);
        var listedFormers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var candidates = new List<(string File, string Separator, FormerScope Former, string Current)>();
        foreach (var manifest in manifests)
        {
            foreach (var resource in manifest.Resources)
            {
                foreach (var action in resource.Actions)
                {
                    var value = resource.Name + manifest.Separator + action.Name;
                    if (!liveSpans.ContainsKey(value))
                    {
                        liveSpans.Add(value, (manifest.FilePath, action.NameSpan));
                    }

                    foreach (var former in action.RenamedFrom)
                    {
                        if (!listedFormers.TryGetValue(value, out var set))
                        {
                            listedFormers.Add(value, set = new HashSet<string>(StringComparer.Ordinal));
                        }

                        set.Add(former.Value);
                        candidates.Add((manifest.FilePath, manifest.Separator, former, value));
                    }
                }
            }
        }

        if (candidates.Count == 0)
        {
            return new List<RenameModel>();
        }

        var liveScopes = new Dictionary<string, (ResourceModel Resource, ScopeDefinition Scope)>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            foreach (var scope in resource.Scopes)
            {
                liveScopes[scope.Value] = (resource, scope);
            }
        }

        // A former name renamed to two scopes would let an old key reach both: neither rename stands.
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in candidates.GroupBy(c => c.Former.Value, StringComparer.Ordinal))
        {
            var owners = group.ToList();
            if (owners.Select(o => o.Current).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            ambiguous.Add(group.Key);
            foreach (var owner in owners)
            {
                var others = owners.Where(o => o.Current != owner.Current).Select(o => $"'{o.Current}' ({Describe(o.File, o.Former.Span)})").Distinct();
                diagnostics.Add(ManifestRules.InvalidRename.Create(owner.File, owner.Former.Span,
                    $"'{owner.Former.Value}' is listed as a former name of '{owner.Current}' and also of {string.Join(", ", others)}; a former name can lead to one scope only"));
            }
        }

        var renames = new List<RenameModel>();
        var formerMembers = new Dictionary<(string Class, string Member), (string File, SourceSpan Span, string Name)>();
        var formerOnlyResources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, separator, former, current) in candidates)
        {
            // Two tests, not 'a || !TryGetValue(out var target)' and not 'is not { } parts' below: the variables must
            // stay definitely assigned when mutation testing rewrites the conditions (stryker/RESULTS.md).
            if (ambiguous.Contains(former.Value))
            {
                continue;
            }

            if (!liveScopes.TryGetValue(current, out var target))
            {
                continue;
            }

            if (former.Value == current)
            {
                Report(diagnostics, file, former, $"'{former.Value}' is the scope itself: 'renamedFrom' lists the names the scope had before");
                continue;
            }

            if (liveSpans.TryGetValue(former.Value, out var live))
            {
                var cycle = listedFormers.TryGetValue(former.Value, out var back) && back.Contains(current);
                Report(diagnostics, file, former, cycle
                    ? $"Rename cycle: '{current}' is renamed from '{former.Value}' and '{former.Value}' from '{current}' ({Describe(live.File, live.Span)}); a scope cannot be its own former name"
                    : $"'{former.Value}' is still a scope of the manifest ({Describe(live.File, live.Span)}); a former name must no longer be defined, so a key holding it means one scope only");
                continue;
            }

            var split = SplitFormer(former.Value, separator, resources);
            if (split is null)
            {
                Report(diagnostics, file, former,
                    $"'{former.Value}' is not a scope string of this manifest: a former name is resource{separator}action, each a valid name ([A-Za-z][A-Za-z0-9_-]*)");
                continue;
            }

            var parts = split.Value;
            var liveResource = resources.FirstOrDefault(r => r.Name == parts.Resource);
            var classIdentifier = liveResource?.Identifier ?? NameRules.ToIdentifier(parts.Resource);
            var memberIdentifier = NameRules.ToIdentifier(parts.Action);
            string? clash;
            if (liveResource is not null)
            {
                clash = Reserved(memberIdentifier, classIdentifier, ReservedResourceMembers)
                    ?? (liveResource.Scopes.FirstOrDefault(s => s.Identifier == memberIdentifier) is { } same ? $"is the constant of the live scope '{same.Value}'" : null);
            }
            else
            {
                clash = ResourceClash(classIdentifier, parts.Resource, className, classMembers, formerOnlyResources)
                    ?? Reserved(memberIdentifier, classIdentifier, Array.Empty<string>());
            }

            if (clash is null && formerMembers.TryGetValue((classIdentifier, memberIdentifier), out var taken))
            {
                clash = $"another former name, '{taken.Name}', also maps to ({Describe(taken.File, taken.Span)})";
            }

            if (clash is not null)
            {
                diagnostics.Add(ManifestRules.IdentifierCollision.Create(file, former.Span, "Former scope", former.Value, $"{classIdentifier}.{memberIdentifier}", clash));
                continue;
            }

            formerMembers.Add((classIdentifier, memberIdentifier), (file, former.Span, former.Value));
            if (liveResource is null)
            {
                formerOnlyResources[classIdentifier] = parts.Resource;
            }

            renames.Add(new RenameModel(former.Value, current, parts.Resource, classIdentifier, memberIdentifier,
                $"{target.Resource.Identifier}.{target.Scope.Identifier}", liveResource is not null));
        }

        return renames;
    }

    private static string? ResourceClash(
        string identifier,
        string resource,
        string className,
        Dictionary<string, (string File, SourceSpan Span, string Name)> classMembers,
        Dictionary<string, string> formerOnlyResources)
    {
        if (Reserved(identifier, className, ReservedClassMembers) is { } reason)
        {
            return reason;
        }

        if (classMembers.TryGetValue(identifier, out var member))
        {
            return $"is the class of the resource '{member.Name}' ({Describe(member.File, member.Span)})";
        }

        return formerOnlyResources.TryGetValue(identifier, out var other) && other != resource
            ? $"is also the class of the former resource '{other}'"
            : null;
    }

    /// <summary>
    /// The resource and action of a former string. With a separator that may also appear in names
    /// (<c>-</c>, <c>_</c>), the split at a live resource wins, then the first split into two valid names.
    /// </summary>
    private static (string Resource, string Action)? SplitFormer(string former, string separator, List<ResourceModel> resources)
    {
        (string, string)? first = null;
        for (var at = former.IndexOf(separator, StringComparison.Ordinal); at > 0; at = former.IndexOf(separator, at + 1, StringComparison.Ordinal))
        {
            var resource = former.Substring(0, at);
            var action = former.Substring(at + separator.Length);
            if (!NameRules.IsValidName(resource) || !NameRules.IsValidName(action))
            {
                continue;
            }

            if (resources.Any(r => r.Name == resource))
            {
                return (resource, action);
            }

            first ??= (resource, action);
        }

        return first;
    }

    private static ResourceModel WithFormerNames(ResourceModel resource, List<RenameModel> renames)
    {
        var scopes = resource.Scopes.Select(scope =>
        {
            var formers = renames.Where(r => r.Current == scope.Value).Select(r => r.Former).ToList();
            return formers.Count == 0 ? scope : scope with { RenamedFrom = formers.ToEquatableArray() };
        });
        return resource with { Scopes = scopes.ToEquatableArray() };
    }

    private static void Report(List<ManifestDiagnostic> diagnostics, string file, FormerScope former, string message) =>
        diagnostics.Add(ManifestRules.InvalidRename.Create(file, former.Span, message));
}
