using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary>One action of the exported catalog.</summary>
public sealed record ExportedAction(string Name, string Scope, string? Description, bool IsDeprecated, string? DeprecationMessage, IReadOnlyList<string> RenamedFrom, bool IsReserved);

/// <summary>One resource of the exported catalog.</summary>
public sealed record ExportedResource(string Name, string? Description, List<ExportedAction> Actions);

/// <summary>One preset of the exported catalog, its patterns expanded.</summary>
public sealed record ExportedPreset(string Name, string? Description, IReadOnlyList<string> Scopes);

/// <summary>
/// The scope catalog for a front end's scope picker (<c>scopegen export</c>): every scope class of the
/// manifests merged by scope string (keys hold strings, not C# names), in manifest order. Shape
/// <c>formatVersion</c> 1, described by <c>manifest/catalog.schema.json</c>.
/// </summary>
public sealed class CatalogExport
{
    private CatalogExport(List<string> manifests, List<ExportedResource> resources, List<ExportedPreset> presets)
    {
        Manifests = manifests;
        Resources = resources;
        Presets = presets;
    }

    /// <summary>The manifests' file names, in the order given.</summary>
    public IReadOnlyList<string> Manifests { get; }

    /// <summary>The resources in manifest order; a resource defined in several classes appears once.</summary>
    public IReadOnlyList<ExportedResource> Resources { get; }

    /// <summary>The presets in manifest order; first definition of a name wins.</summary>
    public IReadOnlyList<ExportedPreset> Presets { get; }

    /// <summary>Every scope string, in manifest order.</summary>
    public IEnumerable<string> Scopes => Resources.SelectMany(resource => resource.Actions).Select(action => action.Scope);

    /// <summary>Builds the export of <paramref name="catalog"/>.</summary>
    public static CatalogExport From(ScopeCatalog catalog)
    {
        var manifests = catalog.Classes.SelectMany(c => c.ManifestPaths).Select(Path.GetFileName).Distinct(StringComparer.Ordinal).ToList();
        var resources = new List<ExportedResource>();
        var byName = new Dictionary<string, ExportedResource>(StringComparer.Ordinal);
        var seenScopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in catalog.Classes.SelectMany(c => c.Resources))
        {
            if (!byName.TryGetValue(resource.Name, out var exported))
            {
                exported = new ExportedResource(resource.Name, resource.Description, new List<ExportedAction>());
                byName.Add(resource.Name, exported);
                resources.Add(exported);
            }

            foreach (var scope in resource.Scopes.Where(scope => seenScopes.Add(scope.Value)))
            {
                exported.Actions.Add(new ExportedAction(scope.Action, scope.Value, scope.Description, scope.IsDeprecated, scope.DeprecationMessage, scope.RenamedFrom.ToList(), scope.IsReserved));
            }
        }

        var presets = new List<ExportedPreset>();
        var presetNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var preset in catalog.Classes.SelectMany(c => c.Presets).Where(preset => presetNames.Add(preset.Name)))
        {
            presets.Add(new ExportedPreset(preset.Name, preset.Description, preset.Scopes.ToList()));
        }

        return new CatalogExport(manifests!, resources, presets);
    }

    /// <summary>
    /// The JSON catalog: <c>{ formatVersion, manifests, scopes, resources: [ { name, description, actions:
    /// [ { name, scope, description, deprecated, deprecationMessage, renamedFrom, reserved } ] } ], presets: [ { name,
    /// description, scopes } ] }</c>. Every key is always present; absent texts are null.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonDocs.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            JsonDocs.WriteStrings(json, "manifests", Manifests);
            JsonDocs.WriteStrings(json, "scopes", Scopes);
            json.WriteStartArray("resources");
            foreach (var resource in Resources)
            {
                json.WriteStartObject();
                json.WriteString("name", resource.Name);
                json.WriteString("description", resource.Description);
                json.WriteStartArray("actions");
                foreach (var action in resource.Actions)
                {
                    json.WriteStartObject();
                    json.WriteString("name", action.Name);
                    json.WriteString("scope", action.Scope);
                    json.WriteString("description", action.Description);
                    json.WriteBoolean("deprecated", action.IsDeprecated);
                    json.WriteString("deprecationMessage", action.DeprecationMessage);
                    JsonDocs.WriteStrings(json, "renamedFrom", action.RenamedFrom);
                    json.WriteBoolean("reserved", action.IsReserved);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("presets");
            foreach (var preset in Presets)
            {
                json.WriteStartObject();
                json.WriteString("name", preset.Name);
                json.WriteString("description", preset.Description);
                JsonDocs.WriteStrings(json, "scopes", preset.Scopes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The TypeScript catalog: <c>scopeCatalog</c> (resources keyed by name, their actions keyed by name,
    /// presets keyed by name) and <c>scopes</c> as <c>as const</c> values, the union type <c>Scope</c> of
    /// every scope string, <c>formerScopes</c> (former string to current) and name types for resources and
    /// presets. Every key and text is written as a JSON string literal, which TypeScript reads as is.
    /// </summary>
    public string ToTypeScript()
    {
        var ts = new StringBuilder();
        ts.Append("// Generated by `scopegen export --format typescript` from ").Append(string.Join(", ", Manifests)).Append(".\n");
        ts.Append("// Do not edit: change the manifest and export again (`scopegen export --check` tells when this file is stale).\n\n");
        ts.Append("export const scopeCatalog = {\n");
        ts.Append("  formatVersion: 1,\n");
        ts.Append("  resources: {\n");
        foreach (var resource in Resources)
        {
            ts.Append("    ").Append(Str(resource.Name)).Append(": {\n");
            ts.Append("      description: ").Append(StrOrNull(resource.Description)).Append(",\n");
            ts.Append("      actions: {\n");
            foreach (var action in resource.Actions)
            {
                ts.Append("        ").Append(Str(action.Name)).Append(": {\n");
                ts.Append("          scope: ").Append(Str(action.Scope)).Append(",\n");
                ts.Append("          description: ").Append(StrOrNull(action.Description)).Append(",\n");
                ts.Append("          deprecated: ").Append(action.IsDeprecated ? "true" : "false").Append(",\n");
                ts.Append("          deprecationMessage: ").Append(StrOrNull(action.DeprecationMessage)).Append(",\n");
                ts.Append("          renamedFrom: ").Append(Array(action.RenamedFrom)).Append(",\n");
                ts.Append("          reserved: ").Append(action.IsReserved ? "true" : "false").Append(",\n");
                ts.Append("        },\n");
            }

            ts.Append("      },\n");
            ts.Append("    },\n");
        }

        ts.Append("  },\n");
        ts.Append("  presets: {\n");
        foreach (var preset in Presets)
        {
            ts.Append("    ").Append(Str(preset.Name)).Append(": {\n");
            ts.Append("      description: ").Append(StrOrNull(preset.Description)).Append(",\n");
            ts.Append("      scopes: ").Append(Array(preset.Scopes)).Append(",\n");
            ts.Append("    },\n");
        }

        ts.Append("  },\n");
        ts.Append("} as const;\n\n");
        ts.Append("/** Every scope string, in manifest order. */\n");
        ts.Append("export const scopes = ").Append(Array(Scopes.ToList())).Append(" as const;\n\n");
        ts.Append("/** A scope string the manifest defines. */\n");
        ts.Append("export type Scope = (typeof scopes)[number];\n\n");
        ts.Append("/** Former scope strings (renamedFrom) and the scope each was renamed to; keys holding them keep working. */\n");
        ts.Append("export const formerScopes = {");
        var renames = Resources.SelectMany(r => r.Actions).SelectMany(a => a.RenamedFrom.Select(former => (former, a.Scope))).ToList();
        if (renames.Count > 0)
        {
            ts.Append('\n');
            foreach (var (former, current) in renames)
            {
                ts.Append("  ").Append(Str(former)).Append(": ").Append(Str(current)).Append(",\n");
            }
        }

        ts.Append("} as const;\n\n");
        ts.Append("/** A resource name. */\n");
        ts.Append("export type ResourceName = keyof typeof scopeCatalog.resources;\n\n");
        ts.Append("/** A preset name. */\n");
        ts.Append("export type PresetName = keyof typeof scopeCatalog.presets;\n");
        return ts.ToString();
    }

    private static string Str(string text) => JsonSerializer.Serialize(text, StringOptions);

    private static string StrOrNull(string? text) => text is null ? "null" : Str(text);

    private static string Array(IReadOnlyList<string> values) => "[" + string.Join(", ", values.Select(Str)) + "]";

    // Relaxed escaping keeps descriptions readable; it still escapes quotes, backslashes and control characters.
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
