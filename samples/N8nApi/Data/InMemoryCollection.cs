using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace N8nApi.Data;

/// <summary>A thread-safe in-memory table of JSON objects keyed by id. The sample is about authorization, not storage.</summary>
public sealed class InMemoryCollection
{
    private readonly ConcurrentDictionary<string, JsonObject> items = new(StringComparer.Ordinal);
    private int nextId;

    public InMemoryCollection(params string[] seedNames)
    {
        foreach (var name in seedNames)
        {
            Create(new JsonObject { ["name"] = name });
        }
    }

    /// <summary>The n8n list shape: <c>{ "data": [...], "nextCursor": null }</c>.</summary>
    public JsonObject List()
    {
        var data = new JsonArray(items.OrderBy(pair => int.Parse(pair.Key, CultureInfo.InvariantCulture)).Select(pair => (JsonNode?)pair.Value.DeepClone()).ToArray());
        return new JsonObject { ["data"] = data, ["nextCursor"] = null };
    }

    public JsonObject? Get(string id) => items.TryGetValue(id, out var item) ? (JsonObject)item.DeepClone() : null;

    public JsonObject Create(JsonObject? body)
    {
        var id = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        var item = body is null ? new JsonObject() : (JsonObject)body.DeepClone();
        item["id"] = id;
        item["createdAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        items[id] = item;
        return (JsonObject)item.DeepClone();
    }

    /// <summary>Merges <paramref name="changes"/> into the item (the id stays); null when there is no such item.</summary>
    public JsonObject? Update(string id, JsonObject? changes)
    {
        if (!items.TryGetValue(id, out var item))
        {
            return null;
        }

        lock (item)
        {
            foreach (var (key, value) in changes ?? new JsonObject())
            {
                if (key != "id")
                {
                    item[key] = value?.DeepClone();
                }
            }

            return (JsonObject)item.DeepClone();
        }
    }

    public JsonObject? Delete(string id) => items.TryRemove(id, out var item) ? item : null;

    public IEnumerable<string> Ids => items.Keys;
}
