using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary>
/// The JSON scope reference, shape <c>formatVersion</c> 1 (documented in docs/cli.md):
/// <c>{ formatVersion, classes: [ { namespace, className, fullName, manifests, resources: [ { name,
/// identifier, description, scopes: [ { scope, action, identifier, description, deprecated,
/// deprecationMessage, reserved } ] } ], presets: [ { name, identifier, description, scopes } ] } ] }</c>.
/// Every key is always present; absent texts are null.
/// </summary>
public static class JsonDocs
{
    /// <summary>Options for every JSON the tool writes: indented, and readable (no \u0027 for apostrophes); it is data, never embedded in HTML.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Renders the catalog.</summary>
    public static string Render(ScopeCatalog catalog, OpenApiOperations? operations = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            json.WriteStartArray("classes");
            foreach (var scopeClass in catalog.Classes)
            {
                json.WriteStartObject();
                json.WriteString("namespace", scopeClass.Namespace);
                json.WriteString("className", scopeClass.ClassName);
                json.WriteString("fullName", scopeClass.FullName);
                WriteStrings(json, "manifests", scopeClass.ManifestPaths);
                json.WriteStartArray("resources");
                foreach (var resource in scopeClass.Resources)
                {
                    json.WriteStartObject();
                    json.WriteString("name", resource.Name);
                    json.WriteString("identifier", resource.Identifier);
                    json.WriteString("description", resource.Description);
                    json.WriteStartArray("scopes");
                    foreach (var scope in resource.Scopes)
                    {
                        json.WriteStartObject();
                        json.WriteString("scope", scope.Value);
                        json.WriteString("action", scope.Action);
                        json.WriteString("identifier", scope.Identifier);
                        json.WriteString("description", scope.Description);
                        json.WriteBoolean("deprecated", scope.IsDeprecated);
                        json.WriteString("deprecationMessage", scope.DeprecationMessage);
                        json.WriteBoolean("reserved", scope.IsReserved);
                        if (operations is not null)
                        {
                            // Only with --openapi: the operations that require the scope.
                            json.WriteStartArray("operations");
                            foreach (var operation in operations.For(scope.Value))
                            {
                                json.WriteStartObject();
                                json.WriteString("method", operation.Method);
                                json.WriteString("path", operation.Path);
                                json.WriteString("operationId", operation.OperationId);
                                json.WriteEndObject();
                            }

                            json.WriteEndArray();
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("presets");
                foreach (var preset in scopeClass.Presets)
                {
                    json.WriteStartObject();
                    json.WriteString("name", preset.Name);
                    json.WriteString("identifier", preset.Identifier);
                    json.WriteString("description", preset.Description);
                    WriteStrings(json, "scopes", preset.Scopes);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes <paramref name="values"/> as the string array property <paramref name="name"/>.</summary>
    internal static void WriteStrings(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
