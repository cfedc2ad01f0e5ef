using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using N8n.Api;
using N8nApi.Api;
using N8nApi.Data;

namespace N8nApi.Endpoints;

/// <summary>
/// n8n's public API v1 routes other than workflows, as minimal APIs: every endpoint states its scope
/// with <c>.RequireScope(...)</c> (the group <c>/source-control</c> states it once for all its endpoints),
/// and binds only the fields its scope covers (<see cref="RequestBody"/>, one DTO per operation in <c>Api/Requests.cs</c>).
/// </summary>
public static class N8nEndpoints
{
    public static void MapN8nEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");

        var executions = api.MapGroup("/executions");
        executions.MapGet("", (N8nData data) => data.Executions.List()).RequireScope(Scopes.Execution.List);
        executions.MapGet("/{id}", (string id, N8nData data) => Found(data.Executions.Get(id))).RequireScope(Scopes.Execution.Read);
        executions.MapDelete("/{id}", (string id, N8nData data) => Found(data.Executions.Delete(id))).RequireScope(Scopes.Execution.Delete);
        executions.MapPost("/{id}/retry", (string id, N8nData data) => Found(data.Executions.Get(id) is null ? null : data.Executions.Create(new JsonObject { ["retryOf"] = id }))).RequireScope(Scopes.Execution.Retry);
        executions.MapPost("/{id}/stop", (string id, N8nData data) => Found(data.Executions.Update(id, new JsonObject { ["status"] = "canceled" }))).RequireScope(Scopes.Execution.Stop);
        executions.MapGet("/{id}/tags", (string id, N8nData data) => GetTags(data.Executions, data.ExecutionTags, id)).RequireScope(Scopes.ExecutionTags.List);
        executions.MapPut("/{id}/tags", (string id, JsonArray? tags, N8nData data) => SetTags(data.Executions, data.ExecutionTags, id, tags)).RequireScope(Scopes.ExecutionTags.Update);

        var credentials = api.MapGroup("/credentials");
        credentials.MapGet("", (N8nData data) => data.Credentials.List()).RequireScope(Scopes.Credential.List);
        credentials.MapGet("/{id}", (string id, N8nData data) => Found(data.Credentials.Get(id))).RequireScope(Scopes.Credential.Read);
        credentials.MapGet("/schema/{credentialTypeName}", (string credentialTypeName) => Results.Ok(new JsonObject { ["type"] = credentialTypeName, ["properties"] = new JsonObject() })).RequireScope(Scopes.Credential.Read);
        credentials.MapPost("", (JsonObject? body, N8nData data) => Bind<CredentialWrite>(body, CredentialWrite.Governed, fields => Created(data.Credentials.Create(fields)))).RequireScope(Scopes.Credential.Create);
        credentials.MapPatch("/{id}", (string id, JsonObject? body, N8nData data) => Bind<CredentialWrite>(body, CredentialWrite.Governed, fields => Found(data.Credentials.Update(id, fields)))).RequireScope(Scopes.Credential.Update);
        credentials.MapDelete("/{id}", (string id, N8nData data) => Found(data.Credentials.Delete(id))).RequireScope(Scopes.Credential.Delete);
        credentials.MapPut("/{id}/transfer", (string id, JsonObject? body, N8nData data) => Bind<TransferRequest>(body, RequestBody.NoneGoverned, fields => Found(data.Credentials.Update(id, new JsonObject { ["projectId"] = fields["destinationProjectId"]?.DeepClone() })))).RequireScope(Scopes.Credential.Move);

        var tags = api.MapGroup("/tags");
        tags.MapGet("", (N8nData data) => data.Tags.List()).RequireScope(Scopes.Tag.List);
        tags.MapGet("/{id}", (string id, N8nData data) => Found(data.Tags.Get(id))).RequireScope(Scopes.Tag.Read);
        tags.MapPost("", (JsonObject? body, N8nData data) => Bind<TagWrite>(body, RequestBody.NoneGoverned, fields => Created(data.Tags.Create(fields)))).RequireScope(Scopes.Tag.Create);
        tags.MapPut("/{id}", (string id, JsonObject? body, N8nData data) => Bind<TagWrite>(body, RequestBody.NoneGoverned, fields => Found(data.Tags.Update(id, fields)))).RequireScope(Scopes.Tag.Update);
        tags.MapDelete("/{id}", (string id, N8nData data) => Found(data.Tags.Delete(id))).RequireScope(Scopes.Tag.Delete);

        var users = api.MapGroup("/users");
        users.MapGet("", (N8nData data) => data.Users.List()).RequireScope(Scopes.User.List);
        users.MapGet("/{id}", (string id, N8nData data) => Found(data.Users.Get(id))).RequireScope(Scopes.User.Read);
        users.MapPost("", (JsonObject? body, N8nData data) => Bind<UserCreate>(body, UserCreate.Governed, fields => Created(data.Users.Create(fields)))).RequireScope(Scopes.User.Create);
        users.MapDelete("/{id}", (string id, N8nData data) => Found(data.Users.Delete(id))).RequireScope(Scopes.User.Delete);
        users.MapPatch("/{id}/role", (string id, JsonObject? body, N8nData data) => Bind<RoleChange>(body, RequestBody.NoneGoverned, fields => Found(data.Users.Update(id, new JsonObject { ["role"] = fields["newRoleName"]?.DeepClone() })))).RequireScope(Scopes.User.ChangeRole);

        var variables = api.MapGroup("/variables");
        variables.MapGet("", (N8nData data) => data.Variables.List()).RequireScope(Scopes.Variable.List);
        variables.MapPost("", (JsonObject? body, N8nData data) => Bind<VariableWrite>(body, RequestBody.NoneGoverned, fields => Created(data.Variables.Create(fields)))).RequireScope(Scopes.Variable.Create);
        variables.MapPut("/{id}", (string id, JsonObject? body, N8nData data) => Bind<VariableWrite>(body, RequestBody.NoneGoverned, fields => Found(data.Variables.Update(id, fields)))).RequireScope(Scopes.Variable.Update);
        variables.MapDelete("/{id}", (string id, N8nData data) => Found(data.Variables.Delete(id))).RequireScope(Scopes.Variable.Delete);

        var projects = api.MapGroup("/projects");
        projects.MapGet("", (N8nData data) => data.Projects.List()).RequireScope(Scopes.Project.List);
        projects.MapPost("", (JsonObject? body, N8nData data) => Bind<ProjectWrite>(body, RequestBody.NoneGoverned, fields => Created(data.Projects.Create(fields)))).RequireScope(Scopes.Project.Create);
        projects.MapPut("/{id}", (string id, JsonObject? body, N8nData data) => Bind<ProjectWrite>(body, RequestBody.NoneGoverned, fields => Found(data.Projects.Update(id, fields)))).RequireScope(Scopes.Project.Update);
        projects.MapDelete("/{id}", (string id, N8nData data) => Found(data.Projects.Delete(id))).RequireScope(Scopes.Project.Delete);

        var dataTables = api.MapGroup("/data-tables");
        dataTables.MapGet("", (N8nData data) => data.DataTables.List()).RequireScope(Scopes.DataTable.List);
        dataTables.MapGet("/{id}", (string id, N8nData data) => Found(data.DataTables.Get(id))).RequireScope(Scopes.DataTable.Read);
        dataTables.MapPost("", (JsonObject? body, N8nData data) => Bind<DataTableCreate>(body, RequestBody.NoneGoverned, fields => Created(data.DataTables.Create(fields)))).RequireScope(Scopes.DataTable.Create);
        dataTables.MapPatch("/{id}", (string id, JsonObject? body, N8nData data) => Bind<DataTableUpdate>(body, DataTableUpdate.Governed, fields => Found(data.DataTables.Update(id, fields)))).RequireScope(Scopes.DataTable.Update);
        dataTables.MapDelete("/{id}", (string id, N8nData data) => Found(data.DataTables.Delete(id))).RequireScope(Scopes.DataTable.Delete);

        var rows = dataTables.MapGroup("/{id}/rows");
        rows.MapGet("", (string id, N8nData data) => WithTable(data, id, table => table.List())).RequireScope(Scopes.DataTableRow.Read);
        rows.MapPost("", (string id, JsonObject? body, N8nData data) => WithTable(data, id, table => table.Create(body))).RequireScope(Scopes.DataTableRow.Create);
        rows.MapPatch("/update", (string id, JsonObject? body, N8nData data) => WithTable(data, id, table => new JsonObject { ["updated"] = true })).RequireScope(Scopes.DataTableRow.Update);
        rows.MapPost("/upsert", (string id, JsonObject? body, N8nData data) => WithTable(data, id, table => table.Create(body))).RequireScope(Scopes.DataTableRow.Upsert);
        rows.MapDelete("/delete", (string id, N8nData data) => WithTable(data, id, table => new JsonObject { ["deleted"] = true })).RequireScope(Scopes.DataTableRow.Delete);

        api.MapPost("/audit", () => Results.Ok(new JsonObject { ["Credentials Risk Report"] = new JsonObject { ["risk"] = "credentials", ["sections"] = new JsonArray() } }))
            .RequireScope(Scopes.SecurityAudit.Generate);

        // One scope for the whole group: every endpoint added to it later needs it too.
        var sourceControl = api.MapGroup("/source-control").RequireScope(Scopes.SourceControl.Pull);
        sourceControl.MapPost("/pull", () => Results.Ok(new JsonObject { ["statusCode"] = 200, ["pulled"] = new JsonArray() }));
    }

    /// <summary>Runs <paramref name="apply"/> on the fields <typeparamref name="T"/> allows; any other field is a 400 naming it.</summary>
    private static IResult Bind<T>(JsonObject? body, System.Collections.Generic.IReadOnlyDictionary<string, GovernedField> governed, System.Func<JsonObject, IResult> apply)
        where T : class =>
        RequestBody.TryBind<T>(body, governed, out var fields, out var errors)
            ? apply(fields)
            : Results.ValidationProblem(errors, title: "The request sets fields this operation does not own.");

    private static IResult Found(JsonObject? item) => item is null ? Results.NotFound(new JsonObject { ["message"] = "Not found" }) : Results.Ok(item);

    private static IResult Created(JsonObject item) => Results.Json(item, statusCode: StatusCodes.Status201Created);

    private static IResult WithTable(N8nData data, string id, System.Func<InMemoryCollection, JsonObject> action) =>
        data.DataTables.Get(id) is null ? Found(null) : Results.Ok(action(data.RowsOf(id)));

    private static IResult GetTags(InMemoryCollection items, System.Collections.Concurrent.ConcurrentDictionary<string, JsonArray> assigned, string id) =>
        items.Get(id) is null ? Found(null) : Results.Ok(assigned.GetOrAdd(id, _ => new JsonArray()).DeepClone());

    private static IResult SetTags(InMemoryCollection items, System.Collections.Concurrent.ConcurrentDictionary<string, JsonArray> assigned, string id, JsonArray? tags)
    {
        if (items.Get(id) is null)
        {
            return Found(null);
        }

        var copy = tags is null ? new JsonArray() : (JsonArray)tags.DeepClone();
        assigned[id] = copy;
        return Results.Ok(copy.DeepClone());
    }
}
