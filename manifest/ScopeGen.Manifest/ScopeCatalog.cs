using System;
using System.Collections.Generic;
using System.Linq;

namespace ScopeGen.Manifest;

/// <summary>One scope, ready to emit.</summary>
/// <param name="Value">The scope string: resource, separator, action.</param>
/// <param name="Action">The action name as written.</param>
/// <param name="Identifier">The C# name of its constant.</param>
/// <param name="Description">The description, if any.</param>
/// <param name="IsDeprecated">Whether the constant is emitted with <c>[Obsolete]</c>.</param>
/// <param name="DeprecationMessage">The <c>[Obsolete]</c> message, if any.</param>
public sealed record ScopeDefinition(string Value, string Action, string Identifier, string? Description, bool IsDeprecated, string? DeprecationMessage)
{
    /// <summary>Whether the manifest marks the scope <c>reserved: true</c> (defined on purpose, no endpoint requires it yet).</summary>
    public bool IsReserved { get; init; }
    /// <summary>The valid former scope strings of this scope (<c>renamedFrom</c>), as written.</summary>
    public EquatableArray<string> RenamedFrom { get; init; }
}

/// <summary>A resource of a scope class, ready to emit.</summary>
public sealed record ResourceModel(string Name, string Identifier, string? Description, EquatableArray<ScopeDefinition> Scopes);

/// <summary>A preset with its patterns expanded, in manifest order of the scopes it selects.</summary>
public sealed record PresetModel(string Name, string Identifier, string? Description, EquatableArray<string> Scopes);

/// <summary>
/// Everything one generated class holds: the valid content of every manifest that shares its
/// namespace and class name.
/// </summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="ManifestPaths">The manifests merged into it, in the order given.</param>
/// <param name="Resources">Its resources, in manifest order.</param>
/// <param name="Presets">Its presets, in manifest order.</param>
public sealed record ScopeClassModel(string? Namespace, string ClassName, EquatableArray<string> ManifestPaths, EquatableArray<ResourceModel> Resources, EquatableArray<PresetModel> Presets)
{
    /// <summary>The valid renames (<c>renamedFrom</c>) of the class, in manifest order.</summary>
    public EquatableArray<RenameModel> Renames { get; init; }

    /// <summary>The fully qualified name, without <c>global::</c>.</summary>
    public string FullName => Namespace is null ? ClassName : Namespace + "." + ClassName;

    /// <summary>Every scope of the class, in manifest order.</summary>
    public IEnumerable<ScopeDefinition> AllScopes => Resources.SelectMany(resource => resource.Scopes);
}

/// <summary>The merged view of every manifest of a project, and the problems found across them.</summary>
public sealed partial record ScopeCatalog(EquatableArray<ScopeClassModel> Classes, EquatableArray<ManifestDiagnostic> Diagnostics)
{
    /// <summary>Members the generator emits on the scope class itself, which a resource name must not take.</summary>
    internal static readonly string[] ReservedClassMembers = { "All", "IsDefined", "TryGetDescription", "Presets", "Catalog", "ScopeSet", "SortedScopes", "SortedDescriptions", "IndexOf", "TryGetCurrent", "Normalize", "FormerNamesOf" };

    /// <summary>Members the generator emits on each resource class, which an action name must not take.</summary>
    internal static readonly string[] ReservedResourceMembers = { "All" };

    /// <summary>Members the generator emits on the presets class, which a preset name must not take.</summary>
    internal static readonly string[] ReservedPresetMembers = { "Names", "TryGetScopes" };

    /// <summary>
    /// Merges manifests that share namespace and class name, checks names and scopes across them,
    /// and expands presets. <paramref name="defaultNamespace"/> (the project's root namespace) applies
    /// to manifests that do not set <c>namespace</c>.
    /// </summary>
    public static ScopeCatalog Build(IEnumerable<ScopeManifest> manifests, string? defaultNamespace)
    {
        var diagnostics = new List<ManifestDiagnostic>();
        var classes = new List<ScopeClassModel>();
        var fallback = string.IsNullOrWhiteSpace(defaultNamespace) || !NameRules.IsValidNamespace(defaultNamespace!) ? null : defaultNamespace;

        var groups = manifests
            .GroupBy(manifest => (Namespace: manifest.Namespace ?? fallback, manifest.ClassName))
            .OrderBy(group => group.Key.Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(group => group.Key.ClassName, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            // A member may not share its enclosing class's name (CS0542).
            if (Array.IndexOf(ReservedClassMembers, group.Key.ClassName) >= 0)
            {
                foreach (var manifest in group)
                {
                    diagnostics.Add(ManifestRules.InvalidSetting.Create(manifest.FilePath, manifest.ClassNameSpan, $"The class name '{manifest.ClassName}' is taken by a member ScopeGen generates inside the scope class; choose another"));
                }

                continue;
            }

            classes.Add(BuildClass(group.Key.Namespace, group.Key.ClassName, group.ToList(), diagnostics));
        }

        return new ScopeCatalog(classes.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Parses and merges manifest texts in one call (for tools and tests).</summary>
    public static (ScopeCatalog Catalog, IReadOnlyList<ManifestDiagnostic> Diagnostics) FromTexts(IEnumerable<(string Path, string Text)> files, string? defaultNamespace)
    {
        var diagnostics = new List<ManifestDiagnostic>();
        var manifests = new List<ScopeManifest>();
        foreach (var (path, text) in files)
        {
            var result = ManifestParser.Parse(path, text);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Manifest is { } manifest)
            {
                manifests.Add(manifest);
            }
        }

        var catalog = Build(manifests, defaultNamespace);
        diagnostics.AddRange(catalog.Diagnostics);
        return (catalog, diagnostics);
    }

    private static ScopeClassModel BuildClass(string? ns, string className, List<ScopeManifest> manifests, List<ManifestDiagnostic> diagnostics)
    {
        var resources = new List<ResourceModel>();
        var resourceNames = new Dictionary<string, (string File, SourceSpan Span)>(StringComparer.Ordinal);
        var classMembers = new Dictionary<string, (string File, SourceSpan Span, string Name)>(StringComparer.Ordinal);
        var scopeValues = new Dictionary<string, (string File, SourceSpan Span)>(StringComparer.Ordinal);
        var definedScopes = new List<(ScopeDefinition Scope, string Resource, string Separator)>();

        foreach (var manifest in manifests)
        {
            foreach (var resource in manifest.Resources)
            {
                if (resourceNames.TryGetValue(resource.Name, out var firstResource))
                {
                    if (firstResource.File != manifest.FilePath)
                    {
                        ReportPair(diagnostics, ManifestRules.Duplicate, (manifest.FilePath, resource.NameSpan, resource.Name), (firstResource.File, firstResource.Span, resource.Name),
                            (name, location) => new object[] { "resource", name, $" (also defined in {location})" });
                    }

                    continue;
                }

                var identifier = NameRules.ToIdentifier(resource.Name);
                if (Reserved(identifier, className, ReservedClassMembers) is { } reason)
                {
                    diagnostics.Add(ManifestRules.IdentifierCollision.Create(manifest.FilePath, resource.NameSpan, "Resource", resource.Name, identifier, reason));
                    continue;
                }

                if (classMembers.TryGetValue(identifier, out var firstMember))
                {
                    ReportPair(diagnostics, ManifestRules.IdentifierCollision, (manifest.FilePath, resource.NameSpan, resource.Name), firstMember,
                        (name, location) => new object[] { "Resource", name, identifier, $"another resource also maps to ({location})" });
                    continue;
                }

                resourceNames.Add(resource.Name, (manifest.FilePath, resource.NameSpan));
                classMembers.Add(identifier, (manifest.FilePath, resource.NameSpan, resource.Name));

                var scopes = new List<ScopeDefinition>();
                var actionMembers = new Dictionary<string, (string File, SourceSpan Span, string Name)>(StringComparer.Ordinal);
                foreach (var action in resource.Actions)
                {
                    var actionIdentifier = NameRules.ToIdentifier(action.Name);
                    if (Reserved(actionIdentifier, identifier, ReservedResourceMembers) is { } actionReason)
                    {
                        diagnostics.Add(ManifestRules.IdentifierCollision.Create(manifest.FilePath, action.NameSpan, "Action", action.Name, actionIdentifier, actionReason));
                        continue;
                    }

                    if (actionMembers.TryGetValue(actionIdentifier, out var firstAction))
                    {
                        ReportPair(diagnostics, ManifestRules.IdentifierCollision, (manifest.FilePath, action.NameSpan, action.Name), firstAction,
                            (name, location) => new object[] { "Action", name, actionIdentifier, $"another action of resource '{resource.Name}' also maps to ({location})" });
                        continue;
                    }

                    var value = resource.Name + manifest.Separator + action.Name;
                    if (scopeValues.TryGetValue(value, out var firstScope))
                    {
                        ReportPair(diagnostics, ManifestRules.Duplicate, (manifest.FilePath, action.NameSpan, value), (firstScope.File, firstScope.Span, value),
                            (name, location) => new object[] { "scope", name, $" (also defined in {location})" });
                        continue;
                    }

                    actionMembers.Add(actionIdentifier, (manifest.FilePath, action.NameSpan, action.Name));
                    scopeValues.Add(value, (manifest.FilePath, action.NameSpan));
                    var scope = new ScopeDefinition(value, action.Name, actionIdentifier, action.Description, action.IsDeprecated, action.DeprecationMessage) { IsReserved = action.IsReserved };
                    scopes.Add(scope);
                    definedScopes.Add((scope, resource.Name, manifest.Separator));
                }

                resources.Add(new ResourceModel(resource.Name, identifier, resource.Description, scopes.ToEquatableArray()));
            }
        }

        var presets = new List<PresetModel>();
        var presetNames = new Dictionary<string, (string File, SourceSpan Span)>(StringComparer.Ordinal);
        var presetMembers = new Dictionary<string, (string File, SourceSpan Span, string Name)>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            foreach (var preset in manifest.Presets)
            {
                if (presetNames.TryGetValue(preset.Name, out var firstPreset))
                {
                    if (firstPreset.File != manifest.FilePath)
                    {
                        ReportPair(diagnostics, ManifestRules.Duplicate, (manifest.FilePath, preset.NameSpan, preset.Name), (firstPreset.File, firstPreset.Span, preset.Name),
                            (name, location) => new object[] { "preset", name, $" (also defined in {location})" });
                    }

                    continue;
                }

                var identifier = NameRules.ToIdentifier(preset.Name);
                if (Reserved(identifier, "Presets", ReservedPresetMembers) is { } reason)
                {
                    diagnostics.Add(ManifestRules.IdentifierCollision.Create(manifest.FilePath, preset.NameSpan, "Preset", preset.Name, identifier, reason));
                    continue;
                }

                if (presetMembers.TryGetValue(identifier, out var firstMember))
                {
                    ReportPair(diagnostics, ManifestRules.IdentifierCollision, (manifest.FilePath, preset.NameSpan, preset.Name), firstMember,
                        (name, location) => new object[] { "Preset", name, identifier, $"another preset also maps to ({location})" });
                    continue;
                }

                presetNames.Add(preset.Name, (manifest.FilePath, preset.NameSpan));
                presetMembers.Add(identifier, (manifest.FilePath, preset.NameSpan, preset.Name));
                var selected = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in preset.Entries)
                {
                    var matched = 0;
                    foreach (var (scope, resourceName, _) in definedScopes)
                    {
                        if (Matches(entry.Pattern, manifest.Separator, resourceName, scope))
                        {
                            matched++;
                            selected.Add(scope.Value);
                        }
                    }

                    if (matched == 0)
                    {
                        var message = entry.Pattern.IndexOf('*') >= 0
                            ? $"the pattern '{entry.Pattern}' matches no scope"
                            : $"'{entry.Pattern}' is not a defined scope" + Suggest(entry.Pattern, definedScopes.Select(d => d.Scope.Value));
                        diagnostics.Add(ManifestRules.PresetEntryUnresolved.Create(manifest.FilePath, entry.Span, preset.Name, message));
                    }
                }

                // Manifest order, not entry order: a preset reads the same however its patterns are written.
                var ordered = definedScopes.Select(d => d.Scope.Value).Where(selected.Contains).ToEquatableArray();
                presets.Add(new PresetModel(preset.Name, identifier, preset.Description, ordered));
            }
        }

        var renames = BuildRenames(className, manifests, resources, classMembers, diagnostics);
        if (renames.Count > 0)
        {
            resources = resources.Select(resource => WithFormerNames(resource, renames)).ToList();
        }

        return new ScopeClassModel(ns, className, manifests.Select(m => m.FilePath).ToEquatableArray(), resources.ToEquatableArray(), presets.ToEquatableArray())
        {
            Renames = renames.ToEquatableArray(),
        };
    }

    /// <summary>
    /// Whether a preset entry selects a scope: <c>*</c> selects all, <c>resource:*</c> and <c>*:action</c>
    /// select by one part, anything else must equal the scope.
    /// </summary>
    internal static bool Matches(string pattern, string separator, string resource, ScopeDefinition scope)
    {
        if (pattern == "*")
        {
            return true;
        }

        var split = pattern.IndexOf(separator, StringComparison.Ordinal);
        if (split < 0)
        {
            return string.Equals(pattern, scope.Value, StringComparison.Ordinal);
        }

        var resourcePart = pattern.Substring(0, split);
        var actionPart = pattern.Substring(split + separator.Length);
        if (resourcePart != "*" && actionPart != "*")
        {
            return string.Equals(pattern, scope.Value, StringComparison.Ordinal);
        }

        return (resourcePart == "*" || string.Equals(resourcePart, resource, StringComparison.Ordinal))
            && (actionPart == "*" || string.Equals(actionPart, scope.Action, StringComparison.Ordinal));
    }

    private static string? Reserved(string identifier, string enclosingType, string[] reservedMembers)
    {
        if (string.Equals(identifier, enclosingType, StringComparison.Ordinal))
        {
            return "is the name of the class that would contain it";
        }

        return Array.IndexOf(reservedMembers, identifier) >= 0 ? "is reserved for a member ScopeGen generates" : null;
    }

    private static string Suggest(string input, IEnumerable<string> candidates) =>
        NameRules.FindClosest(input, candidates) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;

    /// <summary>Reports a clash at both places, each message naming what stands there and pointing at the other.</summary>
    private static void ReportPair(
        List<ManifestDiagnostic> diagnostics,
        ManifestRule rule,
        (string File, SourceSpan Span, string Name) second,
        (string File, SourceSpan Span, string Name) first,
        Func<string, string, object[]> args)
    {
        diagnostics.Add(rule.Create(second.File, second.Span, args(second.Name, Describe(first.File, first.Span))));
        diagnostics.Add(rule.Create(first.File, first.Span, args(first.Name, Describe(second.File, second.Span))));
    }

    private static string Describe(string file, SourceSpan span) => $"{System.IO.Path.GetFileName(file)}{span}";
}
