using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using N8n.Api;
using N8nApi.Keys;

namespace ScopeGen.AspNetCore.Tests.KeyManagement;

/// <summary>
/// The sample's rename (<c>workflow:deactivate</c> became <c>workflow:activate</c>) through key management on
/// Kestrel: a key stored before the rename keeps working and is listed under the current name; a key asked
/// for under the former name is stored under the current one, within the role's limits.
/// </summary>
public sealed class RenamedScopeKeyTests : IClassFixture<KeyManagementTests.SharedApp>
{
    private const string Former = "workflow:deactivate";

    private readonly KeyManagementApp app;

    public RenamedScopeKeyTests(KeyManagementTests.SharedApp shared)
    {
        app = shared.App;
    }

    [Fact]
    public async Task A_key_stored_before_the_rename_keeps_working_and_is_listed_under_the_current_name()
    {
        // The row as an older build wrote it: the grant text holds the former name.
        var owner = app.Host.Services.GetRequiredService<UserStore>().FindByEmail(KeyManagementApp.OwnerEmail)!;
        var key = ApiKeySecrets.NewKey();
        var label = "before the rename " + Guid.NewGuid().ToString("N");
        app.Host.Services.GetRequiredService<ApiKeyStore>().Add(owner.Id, label, key, "tag:read " + Former, DateTimeOffset.UtcNow.AddMinutes(-5), null);

        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("POST", "/api/v1/workflows/1/activate", key));
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("POST", "/api/v1/workflows/1/deactivate", key));
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/tags/1", key));
        Assert.Equal(HttpStatusCode.Forbidden, await app.CallApiAsync("GET", "/api/v1/workflows", key));
        Assert.Equal(HttpStatusCode.Forbidden, await app.CallApiAsync("DELETE", "/api/v1/workflows/1", key));

        using var session = await app.SignInAsync();
        var listed = (await session.ListKeysAsync()).Single(node => node!["label"]!.GetValue<string>() == label)!;
        Assert.Equal(new[] { Scopes.Tag.Read, Scopes.Workflow.Activate }, Strings(listed["scopes"]));
    }

    [Fact]
    public async Task A_key_asked_for_under_the_former_name_is_stored_under_the_current_name()
    {
        using var owner = await app.SignInAsync();
        var label = "old client " + Guid.NewGuid().ToString("N");

        var created = await owner.CreateKeyAsync(label, null, Former, Scopes.Workflow.Read, Scopes.Workflow.Activate);
        var key = created["apiKey"]!.GetValue<string>();

        Assert.Equal(new[] { Scopes.Workflow.Read, Scopes.Workflow.Activate }, Strings(created["scopes"]));
        Assert.Equal("workflow:read workflow:activate", StoredScopes(created["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("POST", "/api/v1/workflows/1/deactivate", key));
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/workflows/1", key));
        Assert.Equal(HttpStatusCode.Forbidden, await app.CallApiAsync("POST", "/api/v1/workflows", key, "{\"name\":\"x\"}"));
    }

    [Fact]
    public async Task The_former_name_does_not_get_past_the_roles_limit()
    {
        // A member may grant the read-only preset only: the former name is checked as the scope it stands for.
        using var member = await app.SignInAsync(owner: false);
        var before = (await member.ListKeysAsync()).Count;

        using var refused = await member.SendAsync("POST", "/rest/api-keys", Session.CreateBody("k", null, new[] { Scopes.Workflow.Read, Former }));
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(new[] { "The role 'member' may not grant 'workflow:activate'." }, Strings(body["errors"]!["scopes"]));
        Assert.Equal(before, (await member.ListKeysAsync()).Count);
    }

    private string StoredScopes(string id)
    {
        using var connection = new SqliteConnection("Data Source=" + app.DatabasePath + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT scopes FROM api_keys WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return (string)command.ExecuteScalar()!;
    }

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(node => node!.GetValue<string>()).ToArray();
}
