using System.Text.Json;
using ScopeGen.Manifest;

namespace ScopeGen.Cli.Tests;

/// <summary>
/// <c>manifest/scopes.schema.json</c>: every manifest in the repository validates, and the schema agrees
/// with <see cref="ManifestParser"/> on a set of valid and invalid manifests.
/// </summary>
public sealed class SchemaTests
{
    private static readonly Lazy<(JsonDocument Document, MiniJsonSchema Validator)> Schema = new(() =>
    {
        var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema));
        return (document, new MiniJsonSchema(document.RootElement));
    });

    private static readonly string LongName = "a" + new string('b', 127);

    public static TheoryData<string, string> ValidManifests => new()
    {
        { "minimal", "resources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "every setting", "version: 1\nnamespace: Acme.Api._Internal\nclassName: MyScopes\nseparator: \"::\"\nresources:\n  workflow:\n    description: Workflow scopes\n    actions:\n      read: Read.\npresets:\n  readOnly:\n    description: Reads.\n    scopes: [\"*::read\"]\n" },
        { "quoted version", "version: \"1\"\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "long form, deprecated with and without message", "resources:\n  workflow:\n    actions:\n      old:\n        description: Old.\n        deprecated: Use new.\n      older:\n        deprecated:\n      new: {}\n" },
        { "action without description or with a number", "resources:\n  workflow:\n    actions:\n      read:\n      list: 42\n      stop: true\n" },
        { "empty resources", "resources:\n" },
        { "resource without actions (a warning only)", "resources:\n  tag:\n  workflow:\n    description: Workflow scopes\n" },
        { "names with '-' and '_' and 128 characters", $"resources:\n  api-key:\n    actions:\n      read_all: Read.\n  {LongName}:\n    actions:\n      {LongName}: Long.\n" },
        { "separator '/'", "separator: /\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "presets empty, null and with null entries", "resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  none:\n  empty:\n    scopes:\n  some:\n    scopes:\n      - workflow:read\n      -\n" },
        { "renamedFrom one string and a list", "resources:\n  workflow:\n    actions:\n      activate:\n        renamedFrom: workflow:deactivate\n      read:\n        renamedFrom: [workflow:get, legacy:read]\n" },
        { "comments and flow style", "# header\n{resources: {workflow: {actions: {read: Read.}}}}\n" },
    };

    public static TheoryData<string, string> InvalidManifests => new()
    {
        { "empty document", "" },
        { "root is a list", "- resources\n" },
        { "no resources", "namespace: Acme\n" },
        { "unknown root key", "resource:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "unknown resource key", "resources:\n  workflow:\n    actons:\n      read: Read.\n" },
        { "unknown action key", "resources:\n  workflow:\n    actions:\n      read:\n        desc: Read.\n" },
        { "unknown preset key", "resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  p:\n    scope: [\"*\"]\n" },
        { "version 2", "version: 2\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "version \"2\"", "version: \"2\"\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "namespace starting with a digit", "namespace: 1Acme\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "namespace with a keyword part", "namespace: Acme.class\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "namespace with an empty part", "namespace: Acme..Api\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "namespace that is a number", "namespace: 12\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "className a keyword", "className: class\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "className with '-'", "className: My-Scopes\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "empty separator", "separator: \"\"\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "separator with a space", "separator: \"a b\"\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "separator with a tab", "separator: \"\\t\"\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "separator a mapping", "separator: {a: b}\nresources:\n  workflow:\n    actions:\n      read: Read.\n" },
        { "resource name starting with a digit", "resources:\n  1workflow:\n    actions:\n      read: Read.\n" },
        { "resource name with a space", "resources:\n  \"work flow\":\n    actions:\n      read: Read.\n" },
        { "action name of 129 characters", $"resources:\n  workflow:\n    actions:\n      {LongName}x: Read.\n" },
        { "preset name with a dot", "resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  read.only:\n    scopes: [\"*\"]\n" },
        { "resources a list", "resources:\n  - workflow\n" },
        { "resource a text", "resources:\n  workflow: Workflow scopes\n" },
        { "actions a list", "resources:\n  workflow:\n    actions: [read, list]\n" },
        { "action a list", "resources:\n  workflow:\n    actions:\n      read: [a, b]\n" },
        { "description a mapping", "resources:\n  workflow:\n    description: {text: x}\n    actions:\n      read: Read.\n" },
        { "renamedFrom a mapping", "resources:\n  workflow:\n    actions:\n      read:\n        renamedFrom: {a: b}\n" },
        { "renamedFrom with a space", "resources:\n  workflow:\n    actions:\n      read:\n        renamedFrom: \"workflow get\"\n" },
        { "deprecated a list", "resources:\n  workflow:\n    actions:\n      read:\n        deprecated: [x]\n" },
        { "preset scopes a text", "resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  p:\n    scopes: \"*\"\n" },
        { "duplicate action (YAML level: the language server reports it)", "resources:\n  workflow:\n    actions:\n      read: Read.\n      read: Again.\n" },
        { "preset entry a mapping", "resources:\n  workflow:\n    actions:\n      read: Read.\npresets:\n  p:\n    scopes:\n      - {a: b}\n" },
    };

    [Fact]
    public void Schema_is_draft_2020_12_and_every_key_has_a_description()
    {
        var root = Schema.Value.Document.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        var keys = new List<string>();
        CollectProperties(root, "", keys);
        Assert.Equal(
            new[] { "/version", "/namespace", "/className", "/separator", "/resources", "/presets", "/$defs/resource/description", "/$defs/resource/actions", "/$defs/action/anyOf/description", "/$defs/action/anyOf/deprecated", "/$defs/action/anyOf/renamedFrom", "/$defs/action/anyOf/reserved", "/$defs/preset/description", "/$defs/preset/scopes" }.OrderBy(k => k),
            keys.OrderBy(k => k));
    }

    [Fact]
    public void Every_manifest_in_the_repository_gets_the_parsers_verdict_from_the_schema()
    {
        var manifests = Directory.EnumerateFiles(RepoPaths.Root, "*.*", SearchOption.AllDirectories)
            .Where(ManifestParser.IsManifestPath)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "TestResults"))
            .ToList();

        Assert.Contains(RepoPaths.N8nManifest, manifests);
        Assert.Empty(Schema.Value.Validator.Validate(YamlJson.Convert(File.ReadAllText(RepoPaths.N8nManifest))));
        foreach (var path in manifests)
        {
            // Test fixtures may be broken on purpose: whatever the parser says, the schema must say too.
            var text = File.ReadAllText(path);
            var parserErrors = ParserErrors(text);
            var schemaErrors = SchemaErrors(text);
            Assert.True(parserErrors.Count == 0 == (schemaErrors.Count == 0),
                $"{path}: parser: [{string.Join("; ", parserErrors)}], schema: [{string.Join("; ", schemaErrors)}]");
        }
    }

    [Fact]
    public void Reference_manifest_points_editors_at_the_schema()
    {
        Assert.Equal("# yaml-language-server: $schema=./scopes.schema.json", File.ReadLines(RepoPaths.N8nManifest).First());
    }

    [Theory]
    [MemberData(nameof(ValidManifests))]
    public void Schema_and_parser_both_accept(string name, string yaml)
    {
        var parserErrors = ParserErrors(yaml);
        var schemaErrors = SchemaErrors(yaml);

        Assert.True(parserErrors.Count == 0, $"{name}: parser: {string.Join("; ", parserErrors)}");
        Assert.True(schemaErrors.Count == 0, $"{name}: schema: {string.Join("; ", schemaErrors)}");
    }

    [Theory]
    [MemberData(nameof(InvalidManifests))]
    public void Schema_and_parser_both_reject(string name, string yaml)
    {
        var parserErrors = ParserErrors(yaml);
        var schemaErrors = SchemaErrors(yaml);

        Assert.True(parserErrors.Count > 0, $"{name}: the parser accepted it");
        Assert.True(schemaErrors.Count > 0, $"{name}: the schema accepted it");
    }

    /// <summary>The schema's errors; YAML a language server could not read (such as a duplicate key) is one error.</summary>
    private static List<string> SchemaErrors(string yaml)
    {
        try
        {
            return Schema.Value.Validator.Validate(YamlJson.Convert(yaml));
        }
        catch (Exception exception) when (exception is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            return new List<string> { "unreadable YAML: " + exception.Message };
        }
    }

    private static List<string> ParserErrors(string yaml) =>
        ManifestParser.Parse("t.scopes.yaml", yaml).Diagnostics.Where(d => d.Severity == ManifestSeverity.Error).Select(d => d.ToString()).ToList();

    /// <summary>Every property declared under a <c>properties</c> keyword, after asserting it has a description.</summary>
    private static void CollectProperties(JsonElement schema, string at, List<string> keys)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (keyword.Name == "properties")
            {
                foreach (var property in keyword.Value.EnumerateObject())
                {
                    keys.Add(at + "/" + property.Name);
                    Assert.True(property.Value.TryGetProperty("description", out var description) && description.GetString()!.Length > 20, $"{at}/{property.Name} has no description");
                    CollectProperties(property.Value, at + "/" + property.Name, keys);
                }
            }
            else if (keyword.Name == "$defs")
            {
                foreach (var definition in keyword.Value.EnumerateObject())
                {
                    CollectProperties(definition.Value, at + "/$defs/" + definition.Name, keys);
                }
            }
            else if (keyword.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in keyword.Value.EnumerateArray())
                {
                    CollectProperties(item, at + "/" + keyword.Name, keys);
                }
            }
            else if (keyword.Value.ValueKind == JsonValueKind.Object && keyword.Name is "additionalProperties" or "items" or "not")
            {
                CollectProperties(keyword.Value, at + "/" + keyword.Name, keys);
            }
        }
    }
}
