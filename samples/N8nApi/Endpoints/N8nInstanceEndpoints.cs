using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using N8n.Api;

namespace N8nApi.Endpoints;

/// <summary>
/// The rest of n8n's public API v1, so that every scope of the manifest but the reserved
/// <c>user:enforceMfa</c> guards an endpoint (no SCOPE008): community packages, data table columns,
/// folders of a project and the insights summary. Each endpoint states its scope with
/// <c>.RequireScope(...)</c>; their state lives in this file and in each app, as the sample is about
/// authorization, not storage.
/// </summary>
public static class N8nInstanceEndpoints
{
    public static void MapN8nInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var state = new InstanceState();
        var api = app.MapGroup("/api/v1");

        var packages = api.MapGroup("/community-packages");
        packages.MapGet("", () => Results.Ok(state.Packages.List())).RequireScope(Scopes.CommunityPackage.List);
        packages.MapPost("", (JsonObject? body) => Created(state.Packages.Create(body))).RequireScope(Scopes.CommunityPackage.Install);
        packages.MapPatch("/{name}", (string name, JsonObject? body) => Found(state.Packages.UpdateByName(name, body))).RequireScope(Scopes.CommunityPackage.Update);
        packages.MapDelete("/{name}", (string name) => Found(state.Packages.DeleteByName(name))).RequireScope(Scopes.CommunityPackage.Uninstall);

        var columns = api.MapGroup("/data-tables/{dataTableId}/columns");
        columns.MapGet("", (string dataTableId) => Results.Ok(state.ColumnsOf(dataTableId).List())).RequireScope(Scopes.DataTableColumn.Read);
        columns.MapPost("", (string dataTableId, JsonObject? body) => Created(state.ColumnsOf(dataTableId).Create(body))).RequireScope(Scopes.DataTableColumn.Create);
        columns.MapPatch("/{columnId}", (string dataTableId, string columnId, JsonObject? body) => Found(state.ColumnsOf(dataTableId).Update(columnId, body))).RequireScope(Scopes.DataTableColumn.Update);
        columns.MapDelete("/{columnId}", (string dataTableId, string columnId) => Found(state.ColumnsOf(dataTableId).Delete(columnId))).RequireScope(Scopes.DataTableColumn.Delete);

        var folders = api.MapGroup("/projects/{projectId}/folders");
        folders.MapGet("", (string projectId) => Results.Ok(state.FoldersOf(projectId).List())).RequireScope(Scopes.Folder.List);
        folders.MapGet("/{folderId}", (string projectId, string folderId) => Found(state.FoldersOf(projectId).Get(folderId))).RequireScope(Scopes.Folder.Read);
        folders.MapPost("", (string projectId, JsonObject? body) => Created(state.FoldersOf(projectId).Create(body))).RequireScope(Scopes.Folder.Create);
        folders.MapPatch("/{folderId}", (string projectId, string folderId, JsonObject? body) => Found(state.FoldersOf(projectId).Update(folderId, body))).RequireScope(Scopes.Folder.Update);
        folders.MapDelete("/{folderId}", (string projectId, string folderId) => Found(state.FoldersOf(projectId).Delete(folderId))).RequireScope(Scopes.Folder.Delete);

        api.MapGet("/insights/summary", () => Results.Ok(new JsonObject
        {
            ["total"] = new JsonObject { ["value"] = 3, ["unit"] = "count" },
            ["failed"] = new JsonObject { ["value"] = 1, ["unit"] = "count" },
            ["failureRate"] = new JsonObject { ["value"] = 0.33, ["unit"] = "ratio" },
            ["timeSaved"] = new JsonObject { ["value"] = 0, ["unit"] = "minute" },
            ["averageRunTime"] = new JsonObject { ["value"] = 1200, ["unit"] = "millisecond" },
        })).RequireScope(Scopes.Insights.Read);
    }

    private static IResult Found(JsonObject? item) => item is null ? Results.NotFound(new JsonObject { ["message"] = "Not found" }) : Results.Ok(item);

    private static IResult Created(JsonObject item) => Results.Json(item, statusCode: StatusCodes.Status201Created);

    /// <summary>The state of these endpoints for one app: a few of each, so every read has something to return.</summary>
    private sealed class InstanceState
    {
        private readonly ConcurrentDictionary<string, Table> columns = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Table> folders = new(StringComparer.Ordinal);

        public Table Packages { get; } = new("n8n-nodes-sample", "n8n-nodes-legacy");

        public Table ColumnsOf(string dataTableId) => columns.GetOrAdd(dataTableId, _ => new Table("id", "name"));

        public Table FoldersOf(string projectId) => folders.GetOrAdd(projectId, _ => new Table("Reports", "Archive"));
    }

    /// <summary>A thread-safe table of JSON objects keyed by id (and found by name, as community packages are).</summary>
    private sealed class Table
    {
        private readonly ConcurrentDictionary<string, JsonObject> items = new(StringComparer.Ordinal);
        private int nextId;

        public Table(params string[] names)
        {
            foreach (var name in names)
            {
                Create(new JsonObject { ["name"] = name });
            }
        }

        public JsonObject List() => new()
        {
            ["data"] = new JsonArray(items.OrderBy(pair => int.Parse(pair.Key, CultureInfo.InvariantCulture)).Select(pair => (JsonNode?)pair.Value.DeepClone()).ToArray()),
            ["nextCursor"] = null,
        };

        public JsonObject? Get(string id) => items.TryGetValue(id, out var item) ? (JsonObject)item.DeepClone() : null;

        public JsonObject Create(JsonObject? body)
        {
            var id = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
            var item = body is null ? new JsonObject() : (JsonObject)body.DeepClone();
            item["id"] = id;
            items[id] = item;
            return (JsonObject)item.DeepClone();
        }

        public JsonObject? Update(string id, JsonObject? body)
        {
            if (!items.TryGetValue(id, out var item))
            {
                return null;
            }

            lock (item)
            {
                foreach (var (key, value) in body ?? new JsonObject())
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

        public JsonObject? UpdateByName(string name, JsonObject? body) => IdOf(name) is { } id ? Update(id, body) : null;

        public JsonObject? DeleteByName(string name) => IdOf(name) is { } id ? Delete(id) : null;

        private string? IdOf(string name) =>
            items.FirstOrDefault(pair => string.Equals(pair.Value["name"]?.GetValue<string>(), name, StringComparison.Ordinal)).Key;
    }
}
