using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using N8n.Api;

namespace N8nApi.Api;

// One DTO per operation (or per pair of operations with the same scope coverage): the fields the
// operation's scope lets it set, and nothing else. Field names follow n8n's public API.

/// <summary><c>POST /workflows</c> (<c>workflow:create</c>) and <c>PUT /workflows/{id}</c> (<c>workflow:update</c>).</summary>
public sealed record WorkflowWrite(string? Name, JsonArray? Nodes, JsonObject? Connections, JsonObject? Settings, JsonObject? StaticData)
{
    /// <summary>Fields of a workflow that other operations own.</summary>
    public static readonly IReadOnlyDictionary<string, GovernedField> Governed = new Dictionary<string, GovernedField>(StringComparer.Ordinal)
    {
        ["active"] = new(Scopes.Workflow.Activate, "POST /api/v1/workflows/{id}/activate or /deactivate"),
        ["projectId"] = new(Scopes.Workflow.Move, "PUT /api/v1/workflows/{id}/transfer"),
        ["isArchived"] = new(Scopes.Workflow.Delete, "DELETE /api/v1/workflows/{id}"),
        ["tags"] = new(Scopes.WorkflowTags.Update, "PUT /api/v1/workflows/{id}/tags"),
    };
}

/// <summary><c>PUT /workflows/{id}/transfer</c> and <c>PUT /credentials/{id}/transfer</c> (the <c>:move</c> scopes).</summary>
public sealed record TransferRequest(string? DestinationProjectId);

/// <summary><c>POST /credentials</c> (<c>credential:create</c>) and <c>PATCH /credentials/{id}</c> (<c>credential:update</c>).</summary>
public sealed record CredentialWrite(string? Name, string? Type, JsonObject? Data)
{
    public static readonly IReadOnlyDictionary<string, GovernedField> Governed = new Dictionary<string, GovernedField>(StringComparer.Ordinal)
    {
        ["projectId"] = new(Scopes.Credential.Move, "PUT /api/v1/credentials/{id}/transfer"),
    };
}

/// <summary><c>POST /users</c> (<c>user:create</c>): new users are members; the role is <c>user:changeRole</c>'s.</summary>
public sealed record UserCreate(string? Email, string? FirstName, string? LastName)
{
    public static readonly IReadOnlyDictionary<string, GovernedField> Governed = new Dictionary<string, GovernedField>(StringComparer.Ordinal)
    {
        ["role"] = new(Scopes.User.ChangeRole, "PATCH /api/v1/users/{id}/role"),
    };
}

/// <summary><c>PATCH /users/{id}/role</c> (<c>user:changeRole</c>).</summary>
public sealed record RoleChange(string? NewRoleName);

/// <summary><c>POST /tags</c> and <c>PUT /tags/{id}</c>.</summary>
public sealed record TagWrite(string? Name);

/// <summary><c>POST /variables</c> and <c>PUT /variables/{id}</c>.</summary>
public sealed record VariableWrite(string? Key, string? Value);

/// <summary><c>POST /projects</c> and <c>PUT /projects/{id}</c>.</summary>
public sealed record ProjectWrite(string? Name);

/// <summary><c>POST /data-tables</c> (<c>dataTable:create</c>): a new table with its first columns.</summary>
public sealed record DataTableCreate(string? Name, JsonArray? Columns);

/// <summary><c>PATCH /data-tables/{id}</c> (<c>dataTable:update</c>: "a data table's metadata"); columns are the column scopes'.</summary>
public sealed record DataTableUpdate(string? Name)
{
    public static readonly IReadOnlyDictionary<string, GovernedField> Governed = new Dictionary<string, GovernedField>(StringComparer.Ordinal)
    {
        ["columns"] = new(Scopes.DataTableColumn.Update, "the data table column operations (dataTableColumn:create, dataTableColumn:update, dataTableColumn:delete)"),
    };
}
