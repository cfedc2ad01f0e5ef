using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ScopeGen.Cli;

/// <summary>One operation of an OpenAPI document: <c>GET /api/v1/workflows</c> and its operationId.</summary>
public sealed record OpenApiOperation(string Method, string Path, string? OperationId)
{
    /// <summary><c>METHOD /path</c>.</summary>
    public override string ToString() => Method + " " + Path;
}

/// <summary>
/// Which operations of an OpenAPI document (3.x, JSON) require each scope, for <c>scopegen docs --openapi</c>.
/// A scope counts when it is in the operation's <c>x-required-scopes</c> (what ScopeGen's transformer writes),
/// or, for documents without that extension, in the scopes of its <c>security</c> requirements.
/// </summary>
public sealed class OpenApiOperations
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly Dictionary<string, List<OpenApiOperation>> byScope;

    private OpenApiOperations(Dictionary<string, List<OpenApiOperation>> byScope) => this.byScope = byScope;

    /// <summary>Every scope some operation requires.</summary>
    public IEnumerable<string> Scopes => byScope.Keys;

    /// <summary>The operations that require <paramref name="scope"/>, in document order.</summary>
    public IReadOnlyList<OpenApiOperation> For(string scope) =>
        byScope.TryGetValue(scope, out var operations) ? operations : Array.Empty<OpenApiOperation>();

    /// <summary>Reads the document at <paramref name="path"/>; a missing or invalid file is an input error.</summary>
    public static OpenApiOperations Load(string command, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InputError, $"cannot read the OpenAPI document '{path}': {exception.Message}", command);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return From(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new CliException(ExitCodes.InputError, $"'{path}' is not a JSON OpenAPI document: {exception.Message}", command);
        }
    }

    private static OpenApiOperations From(JsonElement root)
    {
        var byScope = new Dictionary<string, List<OpenApiOperation>>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("it has no 'paths' object");
        }

        var defaultSecurity = root.TryGetProperty("security", out var security) ? security : default;
        foreach (var pathItem in paths.EnumerateObject())
        {
            if (pathItem.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (!pathItem.Value.TryGetProperty(method, out var operation) || operation.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var operationId = operation.TryGetProperty("operationId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                var entry = new OpenApiOperation(method.ToUpperInvariant(), pathItem.Name, operationId);
                foreach (var scope in ScopesOf(operation, defaultSecurity).Distinct(StringComparer.Ordinal))
                {
                    if (!byScope.TryGetValue(scope, out var list))
                    {
                        byScope.Add(scope, list = new List<OpenApiOperation>());
                    }

                    list.Add(entry);
                }
            }
        }

        return new OpenApiOperations(byScope);
    }

    private static IEnumerable<string> ScopesOf(JsonElement operation, JsonElement defaultSecurity)
    {
        if (operation.TryGetProperty("x-required-scopes", out var required))
        {
            // { "allOf": [ [any-of], ... ] }, or a plain list of scopes.
            var groups = required.ValueKind == JsonValueKind.Object && required.TryGetProperty("allOf", out var allOf) ? allOf : required;
            return Strings(groups);
        }

        var security = operation.TryGetProperty("security", out var own) ? own : defaultSecurity;
        if (security.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        return security.EnumerateArray()
            .Where(requirement => requirement.ValueKind == JsonValueKind.Object)
            .SelectMany(requirement => requirement.EnumerateObject())
            .SelectMany(scheme => Strings(scheme.Value));
    }

    /// <summary>Every string in a value, through nested arrays.</summary>
    private static IEnumerable<string> Strings(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                yield return value.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var text in Strings(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }
}
