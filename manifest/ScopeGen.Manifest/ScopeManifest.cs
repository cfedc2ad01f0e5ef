namespace ScopeGen.Manifest;

/// <summary>One manifest file as written: what the parser could read of it.</summary>
/// <param name="FilePath">The file the manifest came from.</param>
/// <param name="Namespace">The <c>namespace</c> setting, or null to use the project's root namespace.</param>
/// <param name="ClassName">The <c>className</c> setting (default <c>Scopes</c>).</param>
/// <param name="Separator">The text between resource and action in a scope (default <c>:</c>).</param>
/// <param name="Resources">The valid resources, in manifest order.</param>
/// <param name="Presets">The valid presets, in manifest order; their entries are not yet expanded.</param>
/// <param name="ClassNameSpan">Where <c>className</c> was written, or the file start.</param>
public sealed record ScopeManifest(
    string FilePath,
    string? Namespace,
    string ClassName,
    string Separator,
    EquatableArray<ResourceDefinition> Resources,
    EquatableArray<PresetDefinition> Presets,
    SourceSpan ClassNameSpan)
{
    /// <summary>The default class name.</summary>
    public const string DefaultClassName = "Scopes";

    /// <summary>The default separator.</summary>
    public const string DefaultSeparator = ":";
}

/// <summary>A resource and its actions.</summary>
public sealed record ResourceDefinition(string Name, SourceSpan NameSpan, string? Description, EquatableArray<ActionDefinition> Actions);

/// <summary>An action of a resource; with the resource it makes one scope.</summary>
/// <param name="Name">The action name as written.</param>
/// <param name="NameSpan">Where the name was written.</param>
/// <param name="Description">The description, if any.</param>
/// <param name="IsDeprecated">Whether the action carries <c>deprecated</c>.</param>
/// <param name="DeprecationMessage">The text of <c>deprecated</c>, if it gave one.</param>
public sealed record ActionDefinition(string Name, SourceSpan NameSpan, string? Description, bool IsDeprecated, string? DeprecationMessage)
{
    /// <summary>Whether the action carries <c>reserved: true</c>: defined on purpose with no endpoint requiring it yet (no SCOPE008).</summary>
    public bool IsReserved { get; init; }

    /// <summary>The scope strings this action's scope had before (<c>renamedFrom</c>), as written.</summary>
    public EquatableArray<FormerScope> RenamedFrom { get; init; }
}

/// <summary>A former scope string of an action (one entry of <c>renamedFrom</c>) and where it was written.</summary>
public sealed record FormerScope(string Value, SourceSpan Span);

/// <summary>A named bundle of scopes, as written (patterns unexpanded).</summary>
public sealed record PresetDefinition(string Name, SourceSpan NameSpan, string? Description, EquatableArray<PresetEntry> Entries);

/// <summary>One entry of a preset: an exact scope or a pattern (<c>workflow:*</c>, <c>*:read</c>, <c>*</c>).</summary>
public sealed record PresetEntry(string Pattern, SourceSpan Span);

/// <summary>The result of parsing one manifest file.</summary>
/// <param name="Manifest">What could be read; null when the root is unreadable.</param>
/// <param name="Diagnostics">Every problem found in this file alone.</param>
public sealed record ManifestParseResult(ScopeManifest? Manifest, EquatableArray<ManifestDiagnostic> Diagnostics);
