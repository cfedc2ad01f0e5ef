using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using N8n.Api;
using N8nApi.Auth;

namespace ScopeGen.AspNetCore.Tests.Sample;

/// <summary>
/// Issue 13, item 7: an operation changes only the fields its scope covers. A field another scope
/// governs (activation, moving, archiving, tags, a user's role, a table's columns) is refused with 400
/// naming the field, even for a key that holds every scope, and nothing changes.
/// </summary>
[Collection(N8nApiServerCollection.Name)]
public sealed class MassAssignmentTests
{
    private readonly N8nApiServer server;

    public MassAssignmentTests(N8nApiServer server)
    {
        this.server = server;
    }

    /// <summary>Operation, path, its scope, the refused field with a value, and the scope that governs the field (null: nothing may set it).</summary>
    public static TheoryData<string, string, string, string, string, string?> RefusedFields() => new()
    {
        { "PUT", "/api/v1/workflows/2", Scopes.Workflow.Update, "active", "true", Scopes.Workflow.Activate },
        { "PUT", "/api/v1/workflows/2", Scopes.Workflow.Update, "projectId", "\"2\"", Scopes.Workflow.Move },
        { "PUT", "/api/v1/workflows/2", Scopes.Workflow.Update, "isArchived", "true", Scopes.Workflow.Delete },
        { "PUT", "/api/v1/workflows/2", Scopes.Workflow.Update, "tags", "[{\"id\":\"1\"}]", Scopes.WorkflowTags.Update },
        { "PUT", "/api/v1/workflows/2", Scopes.Workflow.Update, "id", "\"99\"", null },
        { "PUT", "/api/v1/workflows/2", Scopes.Workflow.Update, "createdAt", "\"2000-01-01T00:00:00Z\"", null },
        { "POST", "/api/v1/workflows", Scopes.Workflow.Create, "active", "true", Scopes.Workflow.Activate },
        { "POST", "/api/v1/workflows", Scopes.Workflow.Create, "projectId", "\"2\"", Scopes.Workflow.Move },
        { "POST", "/api/v1/workflows", Scopes.Workflow.Create, "isArchived", "true", Scopes.Workflow.Delete },
        { "POST", "/api/v1/workflows", Scopes.Workflow.Create, "tags", "[{\"id\":\"1\"}]", Scopes.WorkflowTags.Update },
        { "PATCH", "/api/v1/credentials/2", Scopes.Credential.Update, "projectId", "\"2\"", Scopes.Credential.Move },
        { "PATCH", "/api/v1/credentials/2", Scopes.Credential.Update, "id", "\"99\"", null },
        { "POST", "/api/v1/credentials", Scopes.Credential.Create, "projectId", "\"2\"", Scopes.Credential.Move },
        { "POST", "/api/v1/users", Scopes.User.Create, "role", "\"global:admin\"", Scopes.User.ChangeRole },
        { "PATCH", "/api/v1/data-tables/2", Scopes.DataTable.Update, "columns", "[{\"name\":\"c\",\"type\":\"string\"}]", Scopes.DataTableColumn.Update },
        { "PUT", "/api/v1/tags/2", Scopes.Tag.Update, "id", "\"99\"", null },
        { "PUT", "/api/v1/variables/2", Scopes.Variable.Update, "id", "\"99\"", null },
        { "PUT", "/api/v1/projects/2", Scopes.Project.Update, "id", "\"99\"", null },
    };

    [Theory]
    [MemberData(nameof(RefusedFields))]
    public async Task A_field_the_operation_does_not_own_is_400_naming_it_and_nothing_changes(string method, string path, string scope, string field, string value, string? governedBy)
    {
        var collection = CollectionOf(path);
        var before = await ReadAsync(collection);

        var body = $"{{\"name\":\"mass-assignment probe\",\"{field}\":{value}}}";
        if (path.StartsWith("/api/v1/users", StringComparison.Ordinal))
        {
            body = $"{{\"email\":\"probe@example.com\",\"{field}\":{value}}}";
        }

        foreach (var key in new[] { server.KeyFor(scope), server.FullKey })
        {
            using var response = await SendAsync(method, path, key, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} with '{field}': {(int)response.StatusCode} {text}");
            var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
            var message = Assert.Single(errors[field]!.AsArray())!.GetValue<string>();
            if (governedBy is not null)
            {
                Assert.Contains($"(scope {governedBy})", message, StringComparison.Ordinal);
            }
        }

        // Nothing was created or changed: the whole collection reads the same.
        Assert.Equal(before, await ReadAsync(collection));
    }

    [Fact]
    public async Task The_same_request_without_the_refused_field_succeeds_so_the_refusals_are_about_the_field()
    {
        using var response = await SendAsync("PUT", "/api/v1/workflows/2", server.KeyFor(Scopes.Workflow.Update), "{\"name\":\"renamed by update\",\"settings\":{\"timezone\":\"UTC\"}}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var workflow = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("renamed by update", workflow["name"]!.GetValue<string>());
        Assert.Null(workflow["active"]);
    }

    [Fact]
    public async Task Activation_and_moving_work_through_their_own_operations_and_scopes()
    {
        using (var denied = await SendAsync("POST", "/api/v1/workflows/3/activate", server.KeyFor(Scopes.Workflow.Update), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (var activated = await SendAsync("POST", "/api/v1/workflows/3/activate", server.KeyFor(Scopes.Workflow.Activate), null))
        {
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
            Assert.True(JsonNode.Parse(await activated.Content.ReadAsStringAsync())!["active"]!.GetValue<bool>());
        }

        using var moved = await SendAsync("PUT", "/api/v1/credentials/2/transfer", server.KeyFor(Scopes.Credential.Move), "{\"destinationProjectId\":\"3\"}");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("3", JsonNode.Parse(await moved.Content.ReadAsStringAsync())!["projectId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_400_naming_it()
    {
        using var response = await SendAsync("POST", "/api/v1/tags", server.KeyFor(Scopes.Tag.Create), "{\"name\":5}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["name"]);
    }

    private static string CollectionOf(string path) => "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(3));

    private async Task<string> ReadAsync(string collection)
    {
        using var response = await SendAsync("GET", collection, server.FullKey, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string key, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, key);
        return await server.Client.SendAsync(request);
    }
}
