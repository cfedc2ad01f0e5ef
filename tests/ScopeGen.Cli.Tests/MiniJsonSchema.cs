using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScopeGen.Cli.Tests;

/// <summary>
/// A small JSON Schema (2020-12) validator for the keywords <c>scopes.schema.json</c> uses: type, enum,
/// const, properties, additionalProperties, required, propertyNames, pattern, minLength, maxLength,
/// items, anyOf, oneOf, not, and <c>$ref</c> to <c>#/$defs/...</c>. No validator package restores from
/// this registry, so the tests carry this one; any other keyword fails loudly instead of being ignored.
/// Instances are JSON-like values: null, bool, double, string, List&lt;object?&gt;, Dictionary&lt;string, object?&gt;.
/// </summary>
public sealed class MiniJsonSchema
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$id", "$defs", "title", "description" };
    private readonly JsonElement root;

    /// <summary>Loads a schema.</summary>
    public MiniJsonSchema(JsonElement root) => this.root = root;

    /// <summary>The errors of <paramref name="instance"/>, each with its JSON pointer; empty when valid.</summary>
    public List<string> Validate(object? instance)
    {
        var errors = new List<string>();
        Validate(root, instance, "", errors);
        return errors;
    }

    private void Validate(JsonElement schema, object? value, string at, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{at}: not allowed");
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var k = keyword.Value;
            switch (keyword.Name)
            {
                case var name when Annotations.Contains(name):
                    break;
                case "$ref":
                    Validate(Resolve(k.GetString()!), value, at, errors);
                    break;
                case "type":
                    var types = k.ValueKind == JsonValueKind.Array ? k.EnumerateArray().Select(t => t.GetString()!).ToList() : new List<string> { k.GetString()! };
                    if (!types.Any(t => IsType(value, t)))
                    {
                        errors.Add($"{at}: {Describe(value)} is not of type {string.Join("|", types)}");
                    }

                    break;
                case "enum":
                    if (!k.EnumerateArray().Any(option => DeepEquals(option, value)))
                    {
                        errors.Add($"{at}: {Describe(value)} is not one of {k.GetRawText()}");
                    }

                    break;
                case "const":
                    if (!DeepEquals(k, value))
                    {
                        errors.Add($"{at}: {Describe(value)} is not {k.GetRawText()}");
                    }

                    break;
                case "pattern":
                    if (value is string text && !Regex.IsMatch(text, k.GetString()!))
                    {
                        errors.Add($"{at}: '{text}' does not match {k.GetString()}");
                    }

                    break;
                case "minLength":
                    if (value is string shortText && CodePoints(shortText) < k.GetInt32())
                    {
                        errors.Add($"{at}: shorter than {k.GetInt32()}");
                    }

                    break;
                case "maxLength":
                    if (value is string longText && CodePoints(longText) > k.GetInt32())
                    {
                        errors.Add($"{at}: longer than {k.GetInt32()}");
                    }

                    break;
                case "required":
                    if (value is Dictionary<string, object?> requiredMap)
                    {
                        foreach (var name in k.EnumerateArray().Select(n => n.GetString()!).Where(n => !requiredMap.ContainsKey(n)))
                        {
                            errors.Add($"{at}: missing required '{name}'");
                        }
                    }

                    break;
                case "properties":
                    if (value is Dictionary<string, object?> propertyMap)
                    {
                        foreach (var property in k.EnumerateObject().Where(p => propertyMap.ContainsKey(p.Name)))
                        {
                            Validate(property.Value, propertyMap[property.Name], at + "/" + property.Name, errors);
                        }
                    }

                    break;
                case "additionalProperties":
                    if (value is Dictionary<string, object?> additionalMap)
                    {
                        var declared = schema.TryGetProperty("properties", out var props) ? props.EnumerateObject().Select(p => p.Name).ToHashSet() : new HashSet<string>();
                        foreach (var (name, item) in additionalMap.Where(p => !declared.Contains(p.Key)))
                        {
                            Validate(k, item, at + "/" + name, errors);
                        }
                    }

                    break;
                case "propertyNames":
                    if (value is Dictionary<string, object?> namedMap)
                    {
                        foreach (var name in namedMap.Keys)
                        {
                            Validate(k, name, at + "/" + name + " (name)", errors);
                        }
                    }

                    break;
                case "items":
                    if (value is List<object?> list)
                    {
                        for (var i = 0; i < list.Count; i++)
                        {
                            Validate(k, list[i], at + "/" + i, errors);
                        }
                    }

                    break;
                case "anyOf":
                    if (!k.EnumerateArray().Any(option => Passes(option, value, at)))
                    {
                        errors.Add($"{at}: {Describe(value)} matches none of anyOf");
                    }

                    break;
                case "oneOf":
                    var matches = k.EnumerateArray().Count(option => Passes(option, value, at));
                    if (matches != 1)
                    {
                        errors.Add($"{at}: {Describe(value)} matches {matches} of oneOf");
                    }

                    break;
                case "not":
                    if (Passes(k, value, at))
                    {
                        errors.Add($"{at}: {Describe(value)} matches a 'not' schema");
                    }

                    break;
                default:
                    throw new NotSupportedException($"MiniJsonSchema does not implement the keyword '{keyword.Name}'");
            }
        }
    }

    private bool Passes(JsonElement schema, object? value, string at)
    {
        var errors = new List<string>();
        Validate(schema, value, at, errors);
        return errors.Count == 0;
    }

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"MiniJsonSchema resolves only {prefix}... references, not '{reference}'");
        }

        return root.GetProperty("$defs").GetProperty(reference.Substring(prefix.Length));
    }

    private static bool IsType(object? value, string type) => type switch
    {
        "null" => value is null,
        "boolean" => value is bool,
        "string" => value is string,
        "number" => value is double,
        "integer" => value is double d && Math.Floor(d) == d && !double.IsInfinity(d),
        "array" => value is List<object?>,
        "object" => value is Dictionary<string, object?>,
        _ => throw new NotSupportedException($"type '{type}'"),
    };

    private static bool DeepEquals(JsonElement expected, object? value) => expected.ValueKind switch
    {
        JsonValueKind.Null => value is null,
        JsonValueKind.True => value is true,
        JsonValueKind.False => value is false,
        JsonValueKind.Number => value is double d && d == expected.GetDouble(),
        JsonValueKind.String => value is string s && s == expected.GetString(),
        JsonValueKind.Array => value is List<object?> list && list.Count == expected.GetArrayLength() && expected.EnumerateArray().Select((e, i) => DeepEquals(e, list[i])).All(x => x),
        JsonValueKind.Object => value is Dictionary<string, object?> map && map.Count == expected.EnumerateObject().Count() && expected.EnumerateObject().All(p => map.TryGetValue(p.Name, out var v) && DeepEquals(p.Value, v)),
        _ => false,
    };

    private static int CodePoints(string text) => text.Length - text.Count(char.IsLowSurrogate);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        List<object?> => "an array",
        _ => "an object",
    };
}

/// <summary>
/// Turns YAML into the JSON-like values a YAML language server validates: YAML 1.2 core schema typing
/// of plain scalars (null, true/false, integers, floats); quoted and block scalars are strings.
/// </summary>
public static class YamlJson
{
    private static readonly Regex Null = new("^(?:~|null|Null|NULL|)$");
    private static readonly Regex Bool = new("^(?:true|True|TRUE|false|False|FALSE)$");
    private static readonly Regex Int = new("^[-+]?[0-9]+$");
    private static readonly Regex Octal = new("^0o[0-7]+$");
    private static readonly Regex Hex = new("^0x[0-9a-fA-F]+$");
    private static readonly Regex Float = new(@"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$");

    /// <summary>The value of the first document of <paramref name="yaml"/>; null for an empty one. Throws on duplicate keys, as a language server reports them.</summary>
    public static object? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlMappingNode mapping => Mapping(mapping),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static Dictionary<string, object?> Mapping(YamlMappingNode mapping)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!map.TryAdd(name, Convert(value)))
            {
                throw new InvalidOperationException($"Duplicate key '{name}'");
            }
        }

        return map;
    }

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return text;
        }

        if (Null.IsMatch(text))
        {
            return null;
        }

        if (Bool.IsMatch(text))
        {
            return text[0] is 't' or 'T';
        }

        if (Int.IsMatch(text) || Float.IsMatch(text))
        {
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (Octal.IsMatch(text))
        {
            return (double)System.Convert.ToInt64(text.Substring(2), 8);
        }

        if (Hex.IsMatch(text))
        {
            return (double)System.Convert.ToInt64(text.Substring(2), 16);
        }

        return text switch
        {
            ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => double.PositiveInfinity,
            "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
            ".nan" or ".NaN" or ".NAN" => double.NaN,
            _ => text,
        };
    }
}
