using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace N8nApi.Api;

/// <summary>A field an operation refuses because another operation, under another scope, owns it.</summary>
/// <param name="Scope">The scope that governs the field.</param>
/// <param name="Operation">The operation that sets it, e.g. <c>POST /api/v1/workflows/{id}/activate</c>.</param>
public sealed record GovernedField(string Scope, string Operation);

/// <summary>
/// Binds a request body to the one DTO of its operation, so an operation changes only the fields its
/// scope covers. Any other field is refused (400, the field named): a field another scope governs says
/// which operation and scope set it (<c>PUT /workflows/{id}</c> with <c>active</c> points at
/// <c>/activate</c> and <c>workflow:activate</c>); any other unknown field is refused too, so a field
/// added to the data later is not writable by accident.
/// </summary>
public static class RequestBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// The body's fields as <typeparamref name="T"/> allows them (null fields dropped), or the errors by field.
    /// A null body binds to an empty object.
    /// </summary>
    public static bool TryBind<T>(JsonObject? body, IReadOnlyDictionary<string, GovernedField> governed, out JsonObject bound, out Dictionary<string, string[]> errors)
        where T : class
    {
        bound = new JsonObject();
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        body ??= new JsonObject();

        var allowed = Options.GetTypeInfo(typeof(T)).Properties.Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in body)
        {
            if (governed.TryGetValue(name, out var owner))
            {
                errors[name] = new[] { $"'{name}' is set by {owner.Operation} (scope {owner.Scope}), not by this operation." };
            }
            else if (!allowed.Contains(name))
            {
                errors[name] = new[] { $"'{name}' is not a field this operation sets. It sets: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}." };
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(body, Options);
        }
        catch (JsonException exception)
        {
            errors[exception.Path is { Length: > 2 } path ? path[2..] : "body"] = new[] { "Wrong type: " + exception.Message.Split(" Path:", 2)[0] };
            return false;
        }

        bound = JsonSerializer.SerializeToNode(value, Options) as JsonObject ?? new JsonObject();
        return true;
    }

    /// <summary>No field governed by another scope.</summary>
    public static readonly IReadOnlyDictionary<string, GovernedField> NoneGoverned = new Dictionary<string, GovernedField>(StringComparer.Ordinal);
}
