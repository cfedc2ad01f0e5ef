using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Manifest;

namespace ScopeGen.Analyzers;

/// <summary>One scope as the analyzers need it: its value and how to write its constant.</summary>
/// <param name="Value">The scope string.</param>
/// <param name="Resource">The resource name as written in the manifest.</param>
/// <param name="Action">The action name as written in the manifest.</param>
/// <param name="Namespace">The namespace of the generated class, or null for the global namespace.</param>
/// <param name="ConstantPath">The constant relative to that namespace, e.g. <c>Scopes.Workflow.Create</c>.</param>
internal sealed record ScopeEntry(string Value, string Resource, string Action, string? Namespace, string ConstantPath);

/// <summary>A resource and its scopes, in manifest order.</summary>
internal sealed record ResourceEntry(string Name, IReadOnlyList<ScopeEntry> Scopes);

/// <summary>
/// The manifests of a compilation, read once per compilation start (and cached by content across
/// compilations, since the IDE starts a compilation on every keystroke while manifests rarely change).
/// </summary>
internal sealed partial class ScopeIndex
{
    private static readonly object CacheLock = new();
    private static CacheKey? cachedKey;
    private static ScopeIndex? cachedIndex;

    /// <summary>Per options object: the analyzers of one compilation share it, so they read the manifests once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerOptions, Holder> PerOptions = new();

    private readonly Dictionary<string, ScopeEntry> scopes;
    private readonly Dictionary<string, ScopeEntry> renamed = new(StringComparer.Ordinal);
    private readonly HashSet<string> presets;
    private readonly HashSet<string> policiesIgnoringCase;
    private readonly string[] separators;

    private ScopeIndex(IReadOnlyList<ResourceEntry> resources, HashSet<string> presets, string[] separators)
    {
        Resources = resources;
        scopes = new Dictionary<string, ScopeEntry>(StringComparer.Ordinal);
        foreach (var scope in resources.SelectMany(resource => resource.Scopes))
        {
            if (!scopes.ContainsKey(scope.Value))
            {
                scopes.Add(scope.Value, scope);
            }
        }

        this.presets = presets;
        policiesIgnoringCase = new HashSet<string>(presets.Concat(scopes.Keys), StringComparer.OrdinalIgnoreCase);
        this.separators = separators;
    }

    /// <summary>Every resource of every manifest.</summary>
    public IReadOnlyList<ResourceEntry> Resources { get; }

    /// <summary>Every scope value, in manifest order.</summary>
    public IEnumerable<string> ScopeValues => Resources.SelectMany(resource => resource.Scopes).Select(scope => scope.Value);

    /// <summary>Whether the manifests define any scope.</summary>
    public bool IsEmpty => scopes.Count == 0;

    public bool TryGetScope(string value, out ScopeEntry scope) => scopes.TryGetValue(value, out scope!);

    /// <summary>The scope a former scope string was renamed to (<c>renamedFrom</c>).</summary>
    public bool TryGetRenamed(string former, out ScopeEntry current) => renamed.TryGetValue(former, out current!);

    /// <summary>Whether <paramref name="name"/> is a policy that AddScopeAuthorization registers: a scope or a preset.</summary>
    public bool IsPolicy(string name) => scopes.ContainsKey(name) || presets.Contains(name);

    /// <summary>Whether ASP.NET Core resolves <paramref name="name"/> to a policy AddScopeAuthorization registers (it finds policy names ignoring case).</summary>
    public bool IsPolicyIgnoringCase(string name) => policiesIgnoringCase.Contains(name);

    /// <summary>
    /// The preset or scope closest to a policy name that resolves to none of them, if one is close enough
    /// (presets first, so a tie goes to the preset).
    /// </summary>
    public string? FindClosestPolicy(string name) =>
        IsPolicyIgnoringCase(name) ? null : NameRules.FindClosest(name, presets.Concat(ScopeValues));

    /// <summary>Whether a policy name is written like a scope (it contains a manifest's separator).</summary>
    public bool LooksLikeScope(string name) => separators.Any(separator => name.IndexOf(separator, StringComparison.Ordinal) > 0);

    /// <summary>The defined scope closest to a misspelt one, if any is close enough.</summary>
    public ScopeEntry? FindClosest(string value) =>
        NameRules.FindClosest(value, ScopeValues) is { } closest ? scopes[closest] : null;

    /// <summary>Reads the manifests among the compilation's additional files; null when there are none.</summary>
    public static ScopeIndex? Load(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (PerOptions.TryGetValue(options, out var holder))
        {
            return holder.Index;
        }

        var index = LoadUncached(options, cancellationToken);
        PerOptions.GetValue(options, _ => new Holder(index));
        return index;
    }

    private static ScopeIndex? LoadUncached(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        rootNamespace = string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim();
        var files = new List<(string Path, SourceText Text)>();
        foreach (var file in options.AdditionalFiles)
        {
            if (ManifestParser.IsManifestPath(file.Path) && file.GetText(cancellationToken) is { } text)
            {
                files.Add((file.Path, text));
            }
        }

        if (files.Count == 0)
        {
            return null;
        }

        // Compared by content (SourceText.ContentEquals uses checksums when it has them) rather than by
        // one key string holding every manifest's text, which copied them all for each compilation.
        var key = new CacheKey(rootNamespace, files);
        lock (CacheLock)
        {
            if (cachedKey is not null && cachedKey.Matches(key))
            {
                return cachedIndex;
            }
        }

        var index = Build(files.Select(file => (file.Path, file.Text.ToString())), rootNamespace);
        lock (CacheLock)
        {
            cachedKey = key;
            cachedIndex = index;
        }

        return index;
    }

    private sealed class Holder
    {
        public Holder(ScopeIndex? index) => Index = index;

        public ScopeIndex? Index { get; }
    }

    private sealed class CacheKey
    {
        private readonly string? rootNamespace;
        private readonly List<(string Path, SourceText Text)> files;

        public CacheKey(string? rootNamespace, List<(string Path, SourceText Text)> files)
        {
            this.rootNamespace = rootNamespace;
            this.files = files;
        }

        public bool Matches(CacheKey other)
        {
            if (rootNamespace != other.rootNamespace || files.Count != other.files.Count)
            {
                return false;
            }

            for (var i = 0; i < files.Count; i++)
            {
                if (files[i].Path != other.files[i].Path
                    || !(ReferenceEquals(files[i].Text, other.files[i].Text) || files[i].Text.ContentEquals(other.files[i].Text)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Builds the index from manifest texts (the generator's catalog rules apply: invalid parts are left out).</summary>
    public static ScopeIndex Build(IEnumerable<(string Path, string Text)> files, string? rootNamespace)
    {
        var manifests = new List<ScopeManifest>();
        foreach (var (path, text) in files)
        {
            if (ManifestParser.Parse(path, text).Manifest is { } manifest)
            {
                manifests.Add(manifest);
            }
        }

        var catalog = ScopeCatalog.Build(manifests, rootNamespace);
        var resources = new List<ResourceEntry>();
        var presets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in catalog.Classes)
        {
            foreach (var resource in model.Resources)
            {
                var entries = resource.Scopes
                    .Select(scope => new ScopeEntry(scope.Value, resource.Name, scope.Action, model.Namespace, $"{model.ClassName}.{resource.Identifier}.{scope.Identifier}"))
                    .ToList();
                resources.Add(new ResourceEntry(resource.Name, entries));
            }

            presets.UnionWith(model.Presets.Select(preset => preset.Name));
        }

        var separators = manifests.Select(manifest => manifest.Separator).Where(separator => separator.Length > 0).Distinct().ToArray();
        var index = new ScopeIndex(resources, presets, separators) { Declarations = DeclarationsOf(manifests, catalog), PresetScopes = PresetScopesOf(catalog) };
        foreach (var rename in catalog.Classes.SelectMany(model => model.Renames))
        {
            if (!index.renamed.ContainsKey(rename.Former) && index.scopes.TryGetValue(rename.Current, out var current))
            {
                index.renamed.Add(rename.Former, current);
            }
        }

        return index;
    }
}
