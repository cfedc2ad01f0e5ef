using System;
using System.Collections.Generic;
using System.Linq;

namespace ScopeGen.Manifest;

/// <summary>
/// Reads a scope manifest (format version 1). Never throws on bad input: every problem becomes a
/// located <see cref="ManifestDiagnostic"/>, and the valid parts are still returned.
/// </summary>
public sealed class ManifestParser
{
    /// <summary>Largest manifest read, in characters; far above any real scope list (10,000 scopes is about 1 MB).</summary>
    public const int MaxLength = 8 * 1024 * 1024;

    private static readonly string[] RootKeys = { "version", "namespace", "className", "separator", "resources", "presets" };
    private static readonly string[] ResourceKeys = { "description", "actions" };
    private static readonly string[] ActionKeys = { "description", "deprecated", "reserved", "renamedFrom" };
    private static readonly string[] PresetKeys = { "description", "scopes" };

    private readonly string filePath;
    private readonly List<ManifestDiagnostic> diagnostics = new();
    /// <summary>Whether the whole text was read (no syntax error cut it short); set once the YAML tree is read.</summary>
    private bool readToEnd;

    private ManifestParser(string filePath) => this.filePath = filePath;

    /// <summary>Whether a file name is a manifest's: <c>*.scopes.yaml</c> or <c>*.scopes.yml</c>, any case.</summary>
    public static bool IsManifestPath(string path) =>
        path.EndsWith(".scopes.yaml", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".scopes.yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the text of the manifest file <paramref name="filePath"/>.</summary>
    public static ManifestParseResult Parse(string filePath, string text)
    {
        var parser = new ManifestParser(filePath);
        ScopeManifest? manifest;
        try
        {
            manifest = parser.ParseText(text);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug of ours must not break the user's build: report it where it is visible instead.
            parser.diagnostics.Add(ManifestRules.YamlSyntax.Create(filePath, SourceSpan.FileStart,
                $"ScopeGen could not read this manifest ({exception.GetType().Name}: {exception.Message}); please report this"));
            manifest = null;
        }

        return new ManifestParseResult(manifest, parser.diagnostics.ToEquatableArray());
    }

    private ScopeManifest? ParseText(string text)
    {
        if (text.Length > MaxLength)
        {
            Report(ManifestRules.YamlSyntax, SourceSpan.FileStart, $"The manifest has {text.Length:N0} characters; the limit is {MaxLength:N0}");
            return null;
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            // YamlDotNet takes a NUL for the end of the stream, which would silently drop what follows it.
            Report(ManifestRules.YamlSyntax, new LineMap(text).Span(nul, nul + 1), "The manifest contains a NUL character (U+0000), which YAML does not allow; the text from it on is ignored");
            text = text.Substring(0, nul);
        }

        var root = YamlTreeReader.Read(filePath, text, diagnostics);
        readToEnd = !diagnostics.Any(d => d.Id == ManifestRules.YamlSyntax.Id);
        switch (root)
        {
            case null:
            case YamlText { IsNull: true }:
                Report(ManifestRules.WrongShape, root?.Span ?? SourceSpan.FileStart, "The manifest is empty: it needs at least a 'resources' mapping");
                return null;
            case YamlRefused:
                return null;
            case not YamlMap:
                Report(ManifestRules.WrongShape, root.Span, "The manifest must be a mapping with a 'resources' key");
                return null;
        }

        var map = (YamlMap)root;
        string? ns = null;
        var className = ScopeManifest.DefaultClassName;
        var classNameSpan = SourceSpan.FileStart;
        var separator = ScopeManifest.DefaultSeparator;
        var resources = new List<ResourceDefinition>();
        var presets = new List<PresetDefinition>();
        var sawResources = false;

        foreach (var (key, value) in UniqueEntries(map, "key", RootKeys, "the manifest"))
        {
            switch (key.Value)
            {
                case "version":
                    if (ScalarOf(value, "'version'") is { IsNull: false } version && version.Value != "1")
                    {
                        Report(ManifestRules.InvalidSetting, version.Span, $"Unsupported manifest version '{version.Value}': this ScopeGen reads version 1");
                    }

                    break;
                case "namespace":
                    if (ScalarOf(value, "'namespace'") is { IsNull: false } nsText)
                    {
                        if (NameRules.IsValidNamespace(nsText.Value))
                        {
                            ns = nsText.Value;
                        }
                        else
                        {
                            Report(ManifestRules.InvalidSetting, nsText.Span, $"'{nsText.Value}' is not a valid C# namespace");
                        }
                    }

                    break;
                case "className":
                    if (ScalarOf(value, "'className'") is { IsNull: false } classText)
                    {
                        if (NameRules.IsValidIdentifier(classText.Value))
                        {
                            className = classText.Value;
                            classNameSpan = classText.Span;
                        }
                        else
                        {
                            Report(ManifestRules.InvalidSetting, classText.Span, $"'{classText.Value}' is not a valid C# class name");
                        }
                    }

                    break;
                case "separator":
                    if (ScalarOf(value, "'separator'") is { IsNull: false } separatorText)
                    {
                        if (separatorText.Value.Length == 0 || separatorText.Value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                        {
                            Report(ManifestRules.InvalidSetting, separatorText.Span, "The separator must be non-empty and contain no whitespace or control characters");
                        }
                        else
                        {
                            separator = separatorText.Value;
                        }
                    }

                    break;
                case "resources":
                    sawResources = true;
                    ReadResources(value, resources);
                    break;
                case "presets":
                    ReadPresets(value, presets);
                    break;
            }
        }

        if (!sawResources)
        {
            // Point at the first key: the manifest as a whole is what lacks 'resources'.
            var at = map.Entries.Count > 0 ? map.Entries[0].Key.Span : map.Span;
            Report(ManifestRules.WrongShape, at, "The manifest has no 'resources' mapping, so it defines no scopes");
        }

        return new ScopeManifest(filePath, ns, className, separator, resources.ToEquatableArray(), presets.ToEquatableArray(), classNameSpan);
    }

    private void ReadResources(YamlNode value, List<ResourceDefinition> resources)
    {
        if (MappingOf(value, "'resources'", allowNull: true) is not { } map)
        {
            return;
        }

        foreach (var (key, body) in UniqueEntries(map, "resource", null, null))
        {
            if (!CheckName(key, "resource"))
            {
                continue;
            }

            string? description = null;
            var actions = new List<ActionDefinition>();
            if (MappingOf(body, $"Resource '{key.Value}'", allowNull: true) is { } resourceMap)
            {
                foreach (var (field, fieldValue) in UniqueEntries(resourceMap, "key", ResourceKeys, $"resource '{key.Value}'"))
                {
                    if (field.Value == "description")
                    {
                        description = DescriptionOf(fieldValue, "description");
                    }
                    else
                    {
                        ReadActions(key.Value, fieldValue, actions);
                    }
                }
            }

            // After a syntax error the last resource may just be cut short: SCOPE100 says enough.
            if (actions.Count == 0 && readToEnd)
            {
                Report(ManifestRules.ResourceWithoutActions, key.Span, key.Value);
            }

            resources.Add(new ResourceDefinition(key.Value, key.Span, description, actions.ToEquatableArray()));
        }
    }

    private void ReadActions(string resource, YamlNode value, List<ActionDefinition> actions)
    {
        if (MappingOf(value, $"The actions of resource '{resource}'", allowNull: true) is not { } map)
        {
            return;
        }

        foreach (var (key, body) in UniqueEntries(map, $"action in resource '{resource}':", null, null))
        {
            if (!CheckName(key, "action"))
            {
                continue;
            }

            string? description = null;
            var deprecated = false;
            string? deprecationMessage = null;
            var reserved = false;
            var renamedFrom = new List<FormerScope>();
            switch (body)
            {
                case YamlText text:
                    description = text.IsNull ? null : text.Value;
                    break;
                case YamlMap actionMap:
                    foreach (var (field, fieldValue) in UniqueEntries(actionMap, "key", ActionKeys, $"action '{resource}.{key.Value}'"))
                    {
                        if (field.Value == "description")
                        {
                            description = DescriptionOf(fieldValue, "description");
                        }
                        else if (field.Value == "reserved")
                        {
                            reserved = ReservedOf(fieldValue, $"action '{resource}.{key.Value}'");
                        }
                        else if (field.Value == "renamedFrom")
                        {
                            ReadRenamedFrom($"{resource}.{key.Value}", fieldValue, renamedFrom);
                        }
                        else if (ScalarOf(fieldValue, "'deprecated'") is { } deprecatedText)
                        {
                            // A plain YAML boolean says whether, not why: 'deprecated: false' must not deprecate with the message "false".
                            var flag = PlainBoolean(deprecatedText);
                            deprecated = flag ?? true;
                            deprecationMessage = flag is not null || deprecatedText.IsNull ? null : deprecatedText.Value;
                        }
                    }

                    break;
                case YamlList:
                    Report(ManifestRules.WrongShape, body.Span, $"Action '{key.Value}' must be a description or a mapping with 'description', 'deprecated', 'reserved' and 'renamedFrom', not a list");
                    break;
            }

            actions.Add(new ActionDefinition(key.Value, key.Span, description, deprecated, deprecationMessage) { IsReserved = reserved, RenamedFrom = renamedFrom.ToEquatableArray() });
        }
    }

    /// <summary>
    /// <c>renamedFrom</c>: one former scope string or a list of them. Only the form is checked here; what a
    /// former string may not be (a live scope, another action's former name) needs every manifest, see
    /// <see cref="ScopeCatalog"/>.
    /// </summary>
    private void ReadRenamedFrom(string action, YamlNode value, List<FormerScope> renamedFrom)
    {
        var items = value switch
        {
            YamlList list => (IReadOnlyList<YamlNode>)list.Items,
            YamlText { IsNull: true } => Array.Empty<YamlNode>(),
            _ => new[] { value },
        };
        foreach (var item in items)
        {
            // Not 'is not { } text' followed by a use of 'text': see ReadPresets.
            var text = ScalarOf(item, $"A 'renamedFrom' entry of action '{action}'");
            if (text is null)
            {
                continue;
            }

            if (text.IsNull || text.Value.Length == 0 || text.Value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                Report(ManifestRules.InvalidRename, text.Span, $"'{text.Value}' is not a scope string: a former name of action '{action}' must be non-empty and contain no whitespace");
                continue;
            }

            if (renamedFrom.FirstOrDefault(former => former.Value == text.Value) is { } first)
            {
                Report(ManifestRules.Duplicate, text.Span, "former scope", text.Value, $" (first listed at line {first.Span.StartLine + 1})");
                continue;
            }

            renamedFrom.Add(new FormerScope(text.Value, text.Span));
        }
    }

    private void ReadPresets(YamlNode value, List<PresetDefinition> presets)
    {
        if (MappingOf(value, "'presets'", allowNull: true) is not { } map)
        {
            return;
        }

        foreach (var (key, body) in UniqueEntries(map, "preset", null, null))
        {
            if (!CheckName(key, "preset"))
            {
                continue;
            }

            string? description = null;
            var entries = new List<PresetEntry>();
            if (MappingOf(body, $"Preset '{key.Value}'", allowNull: true) is { } presetMap)
            {
                foreach (var (field, fieldValue) in UniqueEntries(presetMap, "key", PresetKeys, $"preset '{key.Value}'"))
                {
                    if (field.Value == "description")
                    {
                        description = DescriptionOf(fieldValue, "description");
                        continue;
                    }

                    // A switch, not 'is not YamlList list' followed by a use of 'list': the variable stays
                    // definitely assigned when mutation testing rewrites the condition (stryker/RESULTS.md).
                    switch (fieldValue)
                    {
                        case YamlList list:
                            foreach (var item in list.Items)
                            {
                                if (ScalarOf(item, "A preset entry") is { IsNull: false } entry)
                                {
                                    entries.Add(new PresetEntry(entry.Value, entry.Span));
                                }
                            }

                            break;
                        case YamlText { IsNull: true }:
                        case YamlRefused:
                            break;
                        default:
                            Report(ManifestRules.WrongShape, fieldValue.Span, $"The scopes of preset '{key.Value}' must be a list, for example [\"workflow:read\", \"*:list\"]");
                            break;
                    }
                }
            }

            presets.Add(new PresetDefinition(key.Value, key.Span, description, entries.ToEquatableArray()));
        }
    }

    /// <summary>
    /// The entries of <paramref name="map"/> whose key appears first; a repeated key is reported once per
    /// repetition (SCOPE102), and keys outside <paramref name="allowedKeys"/> are reported (SCOPE101).
    /// </summary>
    private IEnumerable<(YamlText Key, YamlNode Value)> UniqueEntries(YamlMap map, string kind, string[]? allowedKeys, string? context)
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var key = entry.Key;
            if (allowedKeys is not null && Array.IndexOf(allowedKeys, key.Value) < 0)
            {
                var suggestion = NameRules.FindClosest(key.Value, allowedKeys);
                var hint = suggestion is null ? $" (expected one of: {string.Join(", ", allowedKeys)})" : $"; did you mean '{suggestion}'?";
                Report(ManifestRules.UnknownKey, key.Span, key.Value, context ?? "the manifest", hint);
                continue;
            }

            if (seen.TryGetValue(key.Value, out var first))
            {
                Report(ManifestRules.Duplicate, key.Span, kind, key.Value, $" (first defined at line {first.StartLine + 1})");
                continue;
            }

            seen.Add(key.Value, key.Span);
            yield return (key, entry.Value);
        }
    }

    private bool CheckName(YamlText key, string kind)
    {
        if (NameRules.IsValidName(key.Value))
        {
            return true;
        }

        var shown = key.Value.Length > 60 ? key.Value.Substring(0, 60) + "…" : key.Value;
        Report(ManifestRules.InvalidName, key.Span, shown, kind, NameRules.MaxNameLength);
        return false;
    }

    /// <summary>true or false for an unquoted YAML 1.1 boolean (<c>true</c>, <c>yes</c>, <c>on</c>, <c>y</c> and their opposites, any of their cases); otherwise null.</summary>
    private static bool? PlainBoolean(YamlText text)
    {
        if (!text.IsPlain)
        {
            return null;
        }

        switch (text.Value.ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "y":
                return true;
            case "false" or "no" or "off" or "n":
                return false;
            default:
                return null;
        }
    }

    private YamlText? ScalarOf(YamlNode value, string what)
    {
        if (value is YamlText text)
        {
            return text;
        }

        if (value is not YamlRefused)
        {
            Report(ManifestRules.WrongShape, value.Span, $"{what} must be a single value, not a {(value is YamlMap ? "mapping" : "list")}");
        }

        return null;
    }

    /// <summary><c>reserved</c> takes a plain boolean only: a message or a quoted "true" is an error, not a guess.</summary>
    private bool ReservedOf(YamlNode value, string owner)
    {
        if (ScalarOf(value, "'reserved'") is not { } text)
        {
            return false;
        }

        if (PlainBoolean(text) is { } flag)
        {
            return flag;
        }

        Report(ManifestRules.WrongShape, text.Span, $"'reserved' of {owner} must be true or false");
        return false;
    }

    private string? DescriptionOf(YamlNode value, string what) =>
        ScalarOf(value, $"'{what}'") is { IsNull: false } text ? text.Value : null;

    private YamlMap? MappingOf(YamlNode value, string what, bool allowNull)
    {
        switch (value)
        {
            case YamlMap map:
                return map;
            case YamlText { IsNull: true } when allowNull:
            case YamlRefused:
                return null;
            default:
                Report(ManifestRules.WrongShape, value.Span, $"{what} must be a mapping, not {(value is YamlList ? "a list" : "a single value")}");
                return null;
        }
    }

    private void Report(ManifestRule rule, SourceSpan span, params object[] args) => diagnostics.Add(rule.Create(filePath, span, args));
}
