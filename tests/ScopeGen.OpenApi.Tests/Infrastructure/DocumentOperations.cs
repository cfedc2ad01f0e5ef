using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScopeGen.OpenApi.Tests.Infrastructure;

/// <summary>One operation of an OpenAPI document, as far as scopes go.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">The path template, e.g. <c>/api/v1/workflows/{id}</c>.</param>
/// <param name="AllOf">x-required-scopes' allOf: each inner list any-of; null when the extension is missing.</param>
/// <param name="Security">Each security requirement's scopes per scheme name; null when the operation has no <c>security</c>.</param>
public sealed record DocumentOperation(
    string Method,
    string Path,
    IReadOnlyList<IReadOnlyList<string>>? AllOf,
    bool AllowAnonymous,
    IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>>? Security,
    IReadOnlyDictionary<string, string> Responses)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Whether a caller holding exactly <paramref name="granted"/> satisfies <see cref="AllOf"/>.</summary>
    public bool AllOfSatisfiedBy(IReadOnlyCollection<string> granted) =>
        AllOf is not null && AllOf.All(anyOf => anyOf.Any(granted.Contains));

    /// <summary>Whether a caller holding exactly <paramref name="granted"/> satisfies one security requirement (for <paramref name="scheme"/>).</summary>
    public bool SecuritySatisfiedBy(IReadOnlyCollection<string> granted, string scheme) =>
        Security is not null && Security.Any(requirement => requirement.TryGetValue(scheme, out var scopes) && scopes.All(granted.Contains));
}

/// <summary>Reads the operations of a served OpenAPI document.</summary>
public static class DocumentOperations
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static IReadOnlyList<DocumentOperation> Read(JsonObject document)
    {
        var result = new List<DocumentOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject operation)
                {
                    continue;
                }

                IReadOnlyList<IReadOnlyList<string>>? allOf = operation["x-required-scopes"]?["allOf"]?.AsArray()
                    .Select(set => (IReadOnlyList<string>)set!.AsArray().Select(scope => scope!.GetValue<string>()).ToList())
                    .ToList();
                IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>>? security = operation["security"]?.AsArray()
                    .Select(requirement => (IReadOnlyDictionary<string, IReadOnlyList<string>>)requirement!.AsObject()
                        .ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value!.AsArray().Select(scope => scope!.GetValue<string>()).ToList()))
                    .ToList();
                var responses = operation["responses"]?.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value?["description"]?.GetValue<string>() ?? string.Empty)
                    ?? new Dictionary<string, string>();
                var anonymous = operation["x-allow-anonymous"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
                result.Add(new DocumentOperation(method.ToUpperInvariant(), path, allOf, anonymous, security, responses));
            }
        }

        return result;
    }

    public static DocumentOperation Single(JsonObject document, string method, string path) =>
        Read(document).Single(operation => operation.Method == method && operation.Path == path);

    /// <summary>A copy with every object's properties in ordinal order and the server URLs (random ports) removed: stable for snapshots.</summary>
    public static string Canonical(JsonObject document)
    {
        var copy = Sort(document)!.AsObject();
        copy.Remove("servers");
        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => KeyValuePair.Create(pair.Key, Sort(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        _ => node?.DeepClone(),
    };
}
