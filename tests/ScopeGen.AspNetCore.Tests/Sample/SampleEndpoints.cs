using System.Net.Http;
using System.Text;
using N8n.Api;

namespace ScopeGen.AspNetCore.Tests.Sample;

/// <summary>One operation of the sample, the scope n8n's public API requires for it, and a request that succeeds with it.</summary>
public sealed record SampleEndpoint(string Method, string Route, string Path, string Scope, string? Body = null)
{
    public HttpRequestMessage Request(string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-N8N-API-KEY", key);
        }

        return request;
    }

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// Every endpoint of the sample. Paths use seeded ids; each delete has an id nothing else uses, because
/// a successful delete (the exact-scope key) really deletes.
/// </summary>
public static class SampleEndpoints
{
    public static readonly IReadOnlyList<SampleEndpoint> All = new SampleEndpoint[]
    {
        new("GET", "/api/v1/workflows", "/api/v1/workflows", Scopes.Workflow.List),
        new("GET", "/api/v1/workflows/{id}", "/api/v1/workflows/1", Scopes.Workflow.Read),
        new("POST", "/api/v1/workflows", "/api/v1/workflows", Scopes.Workflow.Create, "{\"name\":\"new\"}"),
        new("PUT", "/api/v1/workflows/{id}", "/api/v1/workflows/1", Scopes.Workflow.Update, "{\"name\":\"renamed\"}"),
        new("DELETE", "/api/v1/workflows/{id}", "/api/v1/workflows/4", Scopes.Workflow.Delete),
        new("POST", "/api/v1/workflows/{id}/activate", "/api/v1/workflows/1/activate", Scopes.Workflow.Activate),
        new("POST", "/api/v1/workflows/{id}/deactivate", "/api/v1/workflows/1/deactivate", Scopes.Workflow.Activate),
        new("PUT", "/api/v1/workflows/{id}/transfer", "/api/v1/workflows/1/transfer", Scopes.Workflow.Move, "{\"destinationProjectId\":\"2\"}"),
        new("GET", "/api/v1/workflows/{id}/tags", "/api/v1/workflows/1/tags", Scopes.WorkflowTags.List),
        new("PUT", "/api/v1/workflows/{id}/tags", "/api/v1/workflows/1/tags", Scopes.WorkflowTags.Update, "[{\"id\":\"1\"}]"),

        new("GET", "/api/v1/executions", "/api/v1/executions", Scopes.Execution.List),
        new("GET", "/api/v1/executions/{id}", "/api/v1/executions/1", Scopes.Execution.Read),
        new("DELETE", "/api/v1/executions/{id}", "/api/v1/executions/3", Scopes.Execution.Delete),
        new("POST", "/api/v1/executions/{id}/retry", "/api/v1/executions/1/retry", Scopes.Execution.Retry),
        new("POST", "/api/v1/executions/{id}/stop", "/api/v1/executions/1/stop", Scopes.Execution.Stop),
        new("GET", "/api/v1/executions/{id}/tags", "/api/v1/executions/1/tags", Scopes.ExecutionTags.List),
        new("PUT", "/api/v1/executions/{id}/tags", "/api/v1/executions/1/tags", Scopes.ExecutionTags.Update, "[{\"id\":\"1\"}]"),

        new("GET", "/api/v1/credentials", "/api/v1/credentials", Scopes.Credential.List),
        new("GET", "/api/v1/credentials/{id}", "/api/v1/credentials/1", Scopes.Credential.Read),
        new("GET", "/api/v1/credentials/schema/{credentialTypeName}", "/api/v1/credentials/schema/slackApi", Scopes.Credential.Read),
        new("POST", "/api/v1/credentials", "/api/v1/credentials", Scopes.Credential.Create, "{\"name\":\"new\"}"),
        new("PATCH", "/api/v1/credentials/{id}", "/api/v1/credentials/1", Scopes.Credential.Update, "{\"name\":\"renamed\"}"),
        new("DELETE", "/api/v1/credentials/{id}", "/api/v1/credentials/3", Scopes.Credential.Delete),
        new("PUT", "/api/v1/credentials/{id}/transfer", "/api/v1/credentials/1/transfer", Scopes.Credential.Move, "{\"destinationProjectId\":\"2\"}"),

        new("GET", "/api/v1/tags", "/api/v1/tags", Scopes.Tag.List),
        new("GET", "/api/v1/tags/{id}", "/api/v1/tags/1", Scopes.Tag.Read),
        new("POST", "/api/v1/tags", "/api/v1/tags", Scopes.Tag.Create, "{\"name\":\"new\"}"),
        new("PUT", "/api/v1/tags/{id}", "/api/v1/tags/1", Scopes.Tag.Update, "{\"name\":\"renamed\"}"),
        new("DELETE", "/api/v1/tags/{id}", "/api/v1/tags/3", Scopes.Tag.Delete),

        new("GET", "/api/v1/users", "/api/v1/users", Scopes.User.List),
        new("GET", "/api/v1/users/{id}", "/api/v1/users/1", Scopes.User.Read),
        new("POST", "/api/v1/users", "/api/v1/users", Scopes.User.Create, "{\"email\":\"new@example.com\"}"),
        new("DELETE", "/api/v1/users/{id}", "/api/v1/users/3", Scopes.User.Delete),
        new("PATCH", "/api/v1/users/{id}/role", "/api/v1/users/2/role", Scopes.User.ChangeRole, "{\"newRoleName\":\"global:admin\"}"),

        new("GET", "/api/v1/variables", "/api/v1/variables", Scopes.Variable.List),
        new("POST", "/api/v1/variables", "/api/v1/variables", Scopes.Variable.Create, "{\"key\":\"NEW\",\"value\":\"1\"}"),
        new("PUT", "/api/v1/variables/{id}", "/api/v1/variables/1", Scopes.Variable.Update, "{\"value\":\"2\"}"),
        new("DELETE", "/api/v1/variables/{id}", "/api/v1/variables/3", Scopes.Variable.Delete),

        new("GET", "/api/v1/projects", "/api/v1/projects", Scopes.Project.List),
        new("POST", "/api/v1/projects", "/api/v1/projects", Scopes.Project.Create, "{\"name\":\"new\"}"),
        new("PUT", "/api/v1/projects/{id}", "/api/v1/projects/1", Scopes.Project.Update, "{\"name\":\"renamed\"}"),
        new("DELETE", "/api/v1/projects/{id}", "/api/v1/projects/3", Scopes.Project.Delete),

        new("GET", "/api/v1/data-tables", "/api/v1/data-tables", Scopes.DataTable.List),
        new("GET", "/api/v1/data-tables/{id}", "/api/v1/data-tables/1", Scopes.DataTable.Read),
        new("POST", "/api/v1/data-tables", "/api/v1/data-tables", Scopes.DataTable.Create, "{\"name\":\"new\"}"),
        new("PATCH", "/api/v1/data-tables/{id}", "/api/v1/data-tables/1", Scopes.DataTable.Update, "{\"name\":\"renamed\"}"),
        new("DELETE", "/api/v1/data-tables/{id}", "/api/v1/data-tables/3", Scopes.DataTable.Delete),
        new("GET", "/api/v1/data-tables/{id}/rows", "/api/v1/data-tables/1/rows", Scopes.DataTableRow.Read),
        new("POST", "/api/v1/data-tables/{id}/rows", "/api/v1/data-tables/1/rows", Scopes.DataTableRow.Create, "{\"name\":\"row\"}"),
        new("PATCH", "/api/v1/data-tables/{id}/rows/update", "/api/v1/data-tables/1/rows/update", Scopes.DataTableRow.Update, "{\"filter\":{},\"data\":{}}"),
        new("POST", "/api/v1/data-tables/{id}/rows/upsert", "/api/v1/data-tables/1/rows/upsert", Scopes.DataTableRow.Upsert, "{\"filter\":{},\"data\":{}}"),
        new("DELETE", "/api/v1/data-tables/{id}/rows/delete", "/api/v1/data-tables/1/rows/delete", Scopes.DataTableRow.Delete),

        new("POST", "/api/v1/audit", "/api/v1/audit", Scopes.SecurityAudit.Generate, "{}"),
        new("POST", "/api/v1/source-control/pull", "/api/v1/source-control/pull", Scopes.SourceControl.Pull, "{}"),

        // Endpoints/N8nInstanceEndpoints.cs: the scopes no other endpoint requires.
        new("GET", "/api/v1/community-packages", "/api/v1/community-packages", Scopes.CommunityPackage.List),
        new("POST", "/api/v1/community-packages", "/api/v1/community-packages", Scopes.CommunityPackage.Install, "{\"name\":\"n8n-nodes-new\"}"),
        new("PATCH", "/api/v1/community-packages/{name}", "/api/v1/community-packages/n8n-nodes-sample", Scopes.CommunityPackage.Update, "{\"version\":\"1.1.0\"}"),
        new("DELETE", "/api/v1/community-packages/{name}", "/api/v1/community-packages/n8n-nodes-legacy", Scopes.CommunityPackage.Uninstall),
        new("GET", "/api/v1/data-tables/{dataTableId}/columns", "/api/v1/data-tables/1/columns", Scopes.DataTableColumn.Read),
        new("POST", "/api/v1/data-tables/{dataTableId}/columns", "/api/v1/data-tables/1/columns", Scopes.DataTableColumn.Create, "{\"name\":\"email\",\"type\":\"string\"}"),
        new("PATCH", "/api/v1/data-tables/{dataTableId}/columns/{columnId}", "/api/v1/data-tables/1/columns/1", Scopes.DataTableColumn.Update, "{\"name\":\"key\"}"),
        new("DELETE", "/api/v1/data-tables/{dataTableId}/columns/{columnId}", "/api/v1/data-tables/2/columns/2", Scopes.DataTableColumn.Delete),
        new("GET", "/api/v1/projects/{projectId}/folders", "/api/v1/projects/1/folders", Scopes.Folder.List),
        new("GET", "/api/v1/projects/{projectId}/folders/{folderId}", "/api/v1/projects/1/folders/1", Scopes.Folder.Read),
        new("POST", "/api/v1/projects/{projectId}/folders", "/api/v1/projects/1/folders", Scopes.Folder.Create, "{\"name\":\"new\"}"),
        new("PATCH", "/api/v1/projects/{projectId}/folders/{folderId}", "/api/v1/projects/1/folders/1", Scopes.Folder.Update, "{\"name\":\"renamed\"}"),
        new("DELETE", "/api/v1/projects/{projectId}/folders/{folderId}", "/api/v1/projects/2/folders/2", Scopes.Folder.Delete),
        new("GET", "/api/v1/insights/summary", "/api/v1/insights/summary", Scopes.Insights.Read),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in All)
        {
            data.Add(endpoint.ToString());
        }

        return data;
    }

    public static SampleEndpoint Named(string name) => All.Single(endpoint => endpoint.ToString() == name);
}
