using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace ScopeGen.Analyzers;

/// <summary>
/// Guesses the scope an unprotected endpoint needs, for the SCOPE001 code fix: the resource from the
/// route (or the controller name), the action from a last route segment that names one, else from the
/// HTTP verb. Pure string logic over the manifest.
/// </summary>
internal static class ScopeInference
{
    /// <summary>The diagnostic property that says where a fix goes: <c>Method</c>, <c>Invocation</c> or <c>None</c>.</summary>
    public const string FixTargetProperty = "ScopeGen.FixTarget";

    /// <summary>The result of inference: the resource found (if any), and the inferred scope (if any).</summary>
    public sealed record Result(ResourceEntry? Resource, ScopeEntry? Inferred)
    {
        /// <summary>The inferred scope first, then the resource's other scopes in manifest order.</summary>
        public IReadOnlyList<ScopeEntry> Candidates =>
            Resource is null ? Array.Empty<ScopeEntry>() : (Inferred is null ? Resource.Scopes : new[] { Inferred }.Concat(Resource.Scopes.Where(s => s != Inferred)).ToList());
    }

    /// <summary>Resources by normalized name, built once per manifest index rather than per endpoint.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ScopeIndex, Dictionary<string, ResourceEntry>> ResourcesByName = new();

    private static readonly string[] TypeSuffixes = { "Controller", "Hub", "Service", "Model" };

    public static Result Infer(ScopeIndex index, string? route, string? httpMethod, string? controllerName)
    {
        var segments = Segments(route);
        var literals = segments.Select((segment, position) => (segment, position)).Where(s => !IsParameter(s.segment) && !IsNoise(s.segment)).ToList();
        var resources = ResourcesByName.GetValue(index, i => i.Resources.GroupBy(r => Normalize(r.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

        var normalized = new string[literals.Count];
        for (var i = 0; i < literals.Count; i++)
        {
            normalized[i] = Normalize(literals[i].segment);
        }

        ResourceEntry? resource = null;
        var windowEnd = -1;
        for (var length = literals.Count; length >= 1 && resource is null; length--)
        {
            for (var start = literals.Count - length; start >= 0 && resource is null; start--)
            {
                var key = Join(normalized, start, length);
                resource = Lookup(resources, key);
                if (resource is not null)
                {
                    windowEnd = literals[start + length - 1].position;
                }
            }
        }

        if (resource is null && controllerName is not null)
        {
            // The type's name without its kind: WorkflowsController, WorkflowsHub, WorkflowService (gRPC).
            var name = controllerName;
            foreach (var suffix in TypeSuffixes)
            {
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    name = name.Substring(0, name.Length - suffix.Length);
                    break;
                }
            }

            resource = Lookup(resources, Normalize(name));
        }

        if (resource is null)
        {
            return new Result(null, null);
        }

        return new Result(resource, InferAction(resource, segments, windowEnd, httpMethod));
    }

    private static string Join(string[] parts, int start, int length)
    {
        if (length == 1)
        {
            return parts[start];
        }

        var builder = new StringBuilder();
        for (var i = start; i < start + length; i++)
        {
            builder.Append(parts[i]);
        }

        return builder.ToString();
    }

    private static ScopeEntry? InferAction(ResourceEntry resource, List<string> segments, int windowEnd, string? httpMethod)
    {
        ScopeEntry? Find(string action) => resource.Scopes.FirstOrDefault(s => Normalize(s.Action) == Normalize(action));

        // A last literal segment after the resource that names an action wins: POST /workflows/{id}/activate.
        var last = segments.Count > 0 ? segments[segments.Count - 1] : null;
        if (last is not null && segments.Count - 1 > windowEnd && !IsParameter(last) && Find(last) is { } named)
        {
            return named;
        }

        var endsWithParameter = last is not null && IsParameter(last) && segments.Count - 1 > windowEnd;
        var preferred = httpMethod?.ToUpperInvariant() switch
        {
            "GET" or "HEAD" => endsWithParameter ? new[] { "read", "list" } : new[] { "list", "read" },
            "POST" => new[] { "create" },
            "PUT" or "PATCH" => new[] { "update", "upsert" },
            "DELETE" => new[] { "delete" },
            _ => Array.Empty<string>(),
        };
        foreach (var action in preferred)
        {
            if (Find(action) is { } scope)
            {
                return scope;
            }
        }

        return resource.Scopes.Count == 1 ? resource.Scopes[0] : null;
    }

    /// <summary>An exact match of the normalized name, else the only resource whose name ends with it (<c>/audit</c> → <c>securityAudit</c>).</summary>
    private static ResourceEntry? Lookup(Dictionary<string, ResourceEntry> resources, string key)
    {
        if (key.Length == 0)
        {
            return null;
        }

        if (resources.TryGetValue(key, out var exact))
        {
            return exact;
        }

        var suffixed = resources.Where(pair => pair.Key.EndsWith(key, StringComparison.Ordinal)).Take(2).ToList();
        return suffixed.Count == 1 ? suffixed[0].Value : null;
    }

    private static List<string> Segments(string? route)
    {
        var segments = new List<string>();
        if (route is null)
        {
            return segments;
        }

        foreach (var raw in route.Split('/'))
        {
            var segment = raw.Trim();
            if (segment.Length > 0 && segment != "~")
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    private static bool IsParameter(string segment) => segment.IndexOf('{') >= 0;

    /// <summary>Prefixes that name no resource: <c>api</c>, versions like <c>v1</c>, <c>v2.1</c>, <c>v1beta1</c>.</summary>
    private static bool IsNoise(string segment) =>
        string.Equals(segment, "api", StringComparison.OrdinalIgnoreCase) || IsVersion(segment);

    private static readonly string[] PreReleaseLabels = { "alpha", "beta", "preview", "rc" };

    /// <summary>
    /// <c>v</c>, a number with optional <c>.</c> parts, then optionally a pre-release label and a number, as
    /// Kubernetes-style APIs write them (<c>v1beta1</c>, <c>v2alpha</c>). <c>vp9</c> and <c>v1x</c> are names.
    /// </summary>
    private static bool IsVersion(string segment)
    {
        if (segment.Length < 2 || segment[0] is not ('v' or 'V') || !char.IsDigit(segment[1]))
        {
            return false;
        }

        var i = 2;
        while (i < segment.Length && (char.IsDigit(segment[i]) || (segment[i] == '.' && i + 1 < segment.Length && char.IsDigit(segment[i + 1]))))
        {
            i++;
        }

        if (i == segment.Length)
        {
            return true;
        }

        foreach (var label in PreReleaseLabels)
        {
            if (string.Compare(segment, i, label, 0, label.Length, StringComparison.OrdinalIgnoreCase) == 0
                && segment.Skip(i + label.Length).All(char.IsDigit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case singular words run together: <c>data-tables</c>, <c>DataTables</c>, <c>dataTable</c> → <c>datatable</c>.</summary>
    internal static string Normalize(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && !char.IsUpper(name[i - 1]))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return string.Concat(words.Select(Singular));

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static string Singular(string word)
    {
        if (word.Length > 3 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        foreach (var suffix in new[] { "sses", "ches", "shes", "xes", "zes" })
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word.Substring(0, word.Length - 2);
            }
        }

        return word.Length > 2 && word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            ? word.Substring(0, word.Length - 1)
            : word;
    }
}
