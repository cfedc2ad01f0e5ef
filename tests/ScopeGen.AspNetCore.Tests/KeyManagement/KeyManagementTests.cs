using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using N8n.Api;
using N8nApi.Keys;

namespace ScopeGen.AspNetCore.Tests.KeyManagement;

/// <summary>
/// The key-management flow over HTTP on Kestrel: sign in, list, create, use, delete; every bad input;
/// role limits; antiforgery; expiry; what survives a restart; one key under 32 parallel clients.
/// </summary>
public sealed class KeyManagementTests : IClassFixture<KeyManagementTests.SharedApp>
{
    private readonly SharedApp shared;

    public KeyManagementTests(SharedApp shared)
    {
        this.shared = shared;
    }

    /// <summary>One app for the tests that only read, or that count what they add (app starts are the slow part).</summary>
    public sealed class SharedApp : IAsyncLifetime
    {
        private KeyManagementApp? app;

        public KeyManagementApp App => app ?? throw new InvalidOperationException("Not started.");

        public async Task InitializeAsync() => app = await KeyManagementApp.StartAsync();

        public async Task DisposeAsync()
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    private static readonly Regex KeyShape = new("^n8n_api_[0-9A-Za-z]{43}$", RegexOptions.CultureInvariant);

    [Fact]
    public async Task The_rest_routes_are_exactly_the_documented_ones_and_each_needs_a_session()
    {
        var app = shared.App;
        var served = ((IEndpointRouteBuilder)app.Host.App).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/rest", StringComparison.Ordinal))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(method => $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            new[] { "DELETE /rest/api-keys/{id}", "GET /rest/antiforgery", "GET /rest/api-keys", "GET /rest/api-keys/scopes", "GET /rest/me", "POST /rest/api-keys", "POST /rest/login", "POST /rest/logout" },
            served);

        // Without a session (but with a valid antiforgery token), everything but the token and sign-in is 401.
        using var anonymous = app.NewSession();
        foreach (var (method, path) in new[] { ("GET", "/rest/api-keys"), ("GET", "/rest/api-keys/scopes"), ("GET", "/rest/me"), ("POST", "/rest/api-keys"), ("DELETE", "/rest/api-keys/x"), ("POST", "/rest/logout") })
        {
            using var response = await anonymous.SendAsync(method, path, method == "POST" ? Session.CreateBody("x", null, new[] { Scopes.Workflow.Read }) : null);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_api_key_cannot_manage_keys()
    {
        var app = shared.App;
        using var owner = await app.SignInAsync();
        var created = await owner.CreateKeyAsync("full", null, Scopes.All.ToArray());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/rest/api-keys");
        request.Headers.Add("X-N8N-API-KEY", created["apiKey"]!.GetValue<string>());
        using var response = await app.Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(KeyManagementApp.OwnerEmail, "wrong password")]
    [InlineData("nobody@test.example", "owner-pw-0123456789")]
    [InlineData("", "")]
    public async Task A_wrong_sign_in_is_401_and_gives_no_session(string email, string password)
    {
        var app = shared.App;
        using var session = app.NewSession();
        using var login = await session.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        using var me = await session.Client.GetAsync("/rest/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_400_and_gives_no_session()
    {
        var app = shared.App;
        using var session = app.NewSession();
        using var login = await session.SendAsync("POST", "/rest/login", new JsonObject { ["email"] = KeyManagementApp.OwnerEmail, ["password"] = app.OwnerPassword }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        using var me = await session.Client.GetAsync("/rest/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);

        using var signedIn = await session.LoginAsync(KeyManagementApp.OwnerEmail, app.OwnerPassword);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("n8n-sample-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_session_cookie_is_never_an_api_credential()
    {
        var app = shared.App;
        using var owner = await app.SignInAsync();
        using var me = await owner.Client.GetAsync("/rest/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var api = await owner.Client.GetAsync("/api/v1/workflows");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_at_start()
    {
        var path = KestrelHost.NewDatabasePath();
        await using (var first = await KeyManagementApp.StartAsync(path))
        {
        }

        using (var connection = new SqliteConnection("Data Source=" + path))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => KeyManagementApp.StartAsync(path));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_preset_the_manifest_does_not_define_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => KeyManagementApp.StartAsync(extraSettings: new Dictionary<string, string?> { ["Users:RolePresets:member"] = "readonly" }));
        Assert.Contains("Users:RolePresets:member: unknown preset 'readonly'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_returns_the_key_once_the_list_never_shows_it_and_the_key_has_exactly_its_scopes()
    {
        await using var app = await KeyManagementApp.StartAsync();
        using var owner = await app.SignInAsync();
        var expires = DateTimeOffset.UtcNow.AddDays(30);
        var created = await owner.CreateKeyAsync("ci pipeline", expires, Scopes.Workflow.Read, Scopes.Workflow.List);
        var key = created["apiKey"]!.GetValue<string>();

        Assert.Matches(KeyShape, key);
        Assert.Equal("ci pipeline", created["label"]!.GetValue<string>());
        Assert.Equal(new[] { Scopes.Workflow.Read, Scopes.Workflow.List }, created["scopes"]!.AsArray().Select(node => node!.GetValue<string>()));
        Assert.Equal(expires.ToUnixTimeMilliseconds(), created["expiresAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());

        using var listResponse = await owner.Client.GetAsync("/rest/api-keys");
        var listText = await listResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, listText, StringComparison.Ordinal);
        Assert.DoesNotContain(key[8..^4], listText, StringComparison.Ordinal);
        var listed = Assert.Single(JsonNode.Parse(listText)!.AsArray());
        Assert.Equal(created["id"]!.GetValue<string>(), listed!["id"]!.GetValue<string>());
        Assert.Equal("n8n_api_****" + key[^4..], listed["maskedKey"]!.GetValue<string>());
        Assert.Null(listed["lastUsedAt"]);

        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/workflows", key));
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/workflows/1", key));
        Assert.Equal(HttpStatusCode.Forbidden, await app.CallApiAsync("POST", "/api/v1/workflows", key, "{\"name\":\"x\"}"));
        Assert.Equal(HttpStatusCode.Forbidden, await app.CallApiAsync("GET", "/api/v1/credentials", key));

        var used = Assert.Single(await owner.ListKeysAsync())!["lastUsedAt"];
        Assert.NotNull(used);
    }

    [Fact]
    public async Task Two_keys_are_different_and_the_database_holds_only_their_sha256()
    {
        await using var app = await KeyManagementApp.StartAsync();
        using var owner = await app.SignInAsync();
        var first = (await owner.CreateKeyAsync("one", null, Scopes.Tag.List))["apiKey"]!.GetValue<string>();
        var second = (await owner.CreateKeyAsync("two", null, Scopes.Tag.List))["apiKey"]!.GetValue<string>();
        Assert.NotEqual(first, second);

        var bytes = await File.ReadAllBytesAsync(app.DatabasePath);
        var wal = File.Exists(app.DatabasePath + "-wal") ? await File.ReadAllBytesAsync(app.DatabasePath + "-wal") : Array.Empty<byte>();
        foreach (var key in new[] { first, second })
        {
            var secret = Encoding.UTF8.GetBytes(key[8..^4]);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(secret));
            Assert.Equal(-1, wal.AsSpan().IndexOf(secret));
        }

        using var connection = new SqliteConnection("Data Source=" + app.DatabasePath + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_hash FROM api_keys ORDER BY created_at;";
        using var reader = command.ExecuteReader();
        var hashes = new List<byte[]>();
        while (reader.Read())
        {
            hashes.Add((byte[])reader.GetValue(0));
        }

        Assert.Equal(new[] { SHA256.HashData(Encoding.UTF8.GetBytes(first)), SHA256.HashData(Encoding.UTF8.GetBytes(second)) }.Select(Convert.ToHexString).Order(), hashes.Select(Convert.ToHexString).Order());
    }

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        // name, body (JSON), field the problem must name
        { "empty label", "{\"label\":\"\",\"expiresAt\":null,\"scopes\":[\"workflow:read\"]}", "label" },
        { "blank label", "{\"label\":\"   \",\"expiresAt\":null,\"scopes\":[\"workflow:read\"]}", "label" },
        { "no label", "{\"expiresAt\":null,\"scopes\":[\"workflow:read\"]}", "label" },
        { "200-character label", "{\"label\":\"" + new string('x', 200) + "\",\"expiresAt\":null,\"scopes\":[\"workflow:read\"]}", "label" },
        { "expiry in the past", "{\"label\":\"k\",\"expiresAt\":\"2020-01-01T00:00:00Z\",\"scopes\":[\"workflow:read\"]}", "expiresAt" },
        { "unknown scope", "{\"label\":\"k\",\"expiresAt\":null,\"scopes\":[\"workflow:read\",\"workflow:reade\"]}", "scopes" },
        { "upper-case scope", "{\"label\":\"k\",\"expiresAt\":null,\"scopes\":[\"Workflow:read\"]}", "scopes" },
        { "wildcard scope", "{\"label\":\"k\",\"expiresAt\":null,\"scopes\":[\"workflow:*\"]}", "scopes" },
        { "space-joined scopes", "{\"label\":\"k\",\"expiresAt\":null,\"scopes\":[\"workflow:read workflow:create\"]}", "scopes" },
        { "no scopes", "{\"label\":\"k\",\"expiresAt\":null,\"scopes\":[]}", "scopes" },
        { "scopes missing", "{\"label\":\"k\",\"expiresAt\":null}", "scopes" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_400_naming_the_field_and_nothing_is_stored(string name, string body, string field)
    {
        var app = shared.App;
        using var owner = await app.SignInAsync();
        var listedBefore = (await owner.ListKeysAsync()).Count;
        var storedBefore = CountKeys(app.DatabasePath);
        using var response = await owner.SendAsync("POST", "/rest/api-keys", JsonNode.Parse(body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(text)!["errors"]![field]);
        Assert.Equal(listedBefore, (await owner.ListKeysAsync()).Count);
        Assert.Equal(storedBefore, CountKeys(app.DatabasePath));
    }

    [Fact]
    public async Task A_member_may_grant_only_the_read_only_preset()
    {
        await using var app = await KeyManagementApp.StartAsync();
        using var member = await app.SignInAsync(owner: false);

        using var scopesResponse = await member.Client.GetAsync("/rest/api-keys/scopes");
        var grantable = JsonNode.Parse(await scopesResponse.Content.ReadAsStringAsync())!;
        Assert.Equal("member", grantable["role"]!.GetValue<string>());
        Assert.Equal(Scopes.Presets.ReadOnly, grantable["scopes"]!.AsArray().Select(node => node!["scope"]!.GetValue<string>()));
        Assert.Equal(new[] { "readOnly" }, grantable["presets"]!.AsArray().Select(node => node!["name"]!.GetValue<string>()));

        // Each scope outside the preset is refused (and the request with it stores nothing).
        foreach (var scope in Scopes.All.Except(Scopes.Presets.ReadOnly))
        {
            using var refused = await member.SendAsync("POST", "/rest/api-keys", Session.CreateBody("k", null, new[] { Scopes.Workflow.Read, scope }));
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, scope);
            Assert.Contains($"may not grant '{scope}'", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["scopes"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty(await member.ListKeysAsync());
        var created = await member.CreateKeyAsync("reader", null, Scopes.Presets.ReadOnly.ToArray());
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/executions", created["apiKey"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, await app.CallApiAsync("DELETE", "/api/v1/executions/1", created["apiKey"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_owner_may_grant_every_scope_with_the_manifests_descriptions()
    {
        var app = shared.App;
        using var owner = await app.SignInAsync();
        using var response = await owner.Client.GetAsync("/rest/api-keys/scopes");
        var grantable = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var scopes = grantable["scopes"]!.AsArray();
        Assert.Equal(Scopes.All, scopes.Select(node => node!["scope"]!.GetValue<string>()));
        Assert.All(scopes, node =>
        {
            var scope = node!["scope"]!.GetValue<string>();
            Assert.True(Scopes.TryGetDescription(scope, out var description));
            Assert.Equal(description, node["description"]!.GetValue<string>());
            Assert.Equal(scope[..scope.IndexOf(':')], node["resource"]!.GetValue<string>());
        });
        // Each resource's description, for the picker's group heading, as the manifest writes it.
        Assert.Equal("Workflow scopes", scopes.First(node => node!["resource"]!.GetValue<string>() == "workflow")!["resourceDescription"]!.GetValue<string>());
        Assert.Equal("Credential scopes", scopes.First(node => node!["resource"]!.GetValue<string>() == "credential")!["resourceDescription"]!.GetValue<string>());
        Assert.Equal(new[] { "readOnly", "full" }, grantable["presets"]!.AsArray().Select(node => node!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_mistyped_scope_is_refused_with_the_closest_scope_and_a_preset_name_is_not_a_scope()
    {
        var app = shared.App;
        using var owner = await app.SignInAsync();
        using var response = await owner.SendAsync("POST", "/rest/api-keys", JsonNode.Parse("{\"label\":\"k\",\"expiresAt\":null,\"scopes\":[\"workflow:read\",\"workflow:reade\",\"readOnly\"]}"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(text)!["errors"]!["scopes"]!.AsArray().Select(node => node!.GetValue<string>()).ToArray();
        Assert.Equal(2, errors.Length);
        Assert.Contains("'workflow:reade'", errors[0], StringComparison.Ordinal);
        Assert.Contains("did you mean 'workflow:read'?", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("'readOnly' is a preset, not a scope", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_changes_without_a_valid_antiforgery_token_are_400_and_change_nothing()
    {
        await using var app = await KeyManagementApp.StartAsync();
        using var owner = await app.SignInAsync();
        using var other = await app.SignInAsync(owner: false);
        var otherToken = await other.RefreshTokenAsync();

        using (var missing = await owner.SendAsync("POST", "/rest/api-keys", Session.CreateBody("k", null, new[] { Scopes.Tag.List }), withToken: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        }

        using (var foreign = await owner.SendAsync("POST", "/rest/api-keys", Session.CreateBody("k", null, new[] { Scopes.Tag.List }), tokenOverride: otherToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        }

        Assert.Empty(await owner.ListKeysAsync());

        var created = await owner.CreateKeyAsync("kept", null, Scopes.Tag.List);
        using (var deleteWithout = await owner.SendAsync("DELETE", "/rest/api-keys/" + created["id"]!.GetValue<string>(), withToken: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, deleteWithout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/tags", created["apiKey"]!.GetValue<string>()));

        using var logoutWithout = await owner.SendAsync("POST", "/rest/logout", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, logoutWithout.StatusCode);
        Assert.Single(await owner.ListKeysAsync());
    }

    [Fact]
    public async Task A_deleted_key_is_401_at_once_and_only_its_owner_can_delete_it()
    {
        await using var app = await KeyManagementApp.StartAsync();
        using var owner = await app.SignInAsync();
        using var member = await app.SignInAsync(owner: false);
        var created = await owner.CreateKeyAsync("to delete", null, Scopes.Workflow.List);
        var key = created["apiKey"]!.GetValue<string>();
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/workflows", key));

        using (var notTheirs = await member.SendAsync("DELETE", "/rest/api-keys/" + id))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/workflows", key));
        Assert.Empty(await member.ListKeysAsync());

        using (var deleted = await owner.SendAsync("DELETE", "/rest/api-keys/" + id))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await app.CallApiAsync("GET", "/api/v1/workflows", key));
        Assert.Empty(await owner.ListKeysAsync());
        Assert.Equal(0L, CountKeys(app.DatabasePath));

        using var again = await owner.SendAsync("DELETE", "/rest/api-keys/" + id);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_key_is_401_from_the_moment_it_expires()
    {
        var clock = new TestClock();
        await using var app = await KeyManagementApp.StartAsync(clock: clock);
        using var owner = await app.SignInAsync();
        var expires = clock.GetUtcNow().AddHours(1);
        var key = (await owner.CreateKeyAsync("short-lived", expires, Scopes.Workflow.List))["apiKey"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/workflows", key));

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/workflows", key));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.CallApiAsync("GET", "/api/v1/workflows", key));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(400)]
    [InlineData(null)]
    public async Task The_expirations_the_page_offers_are_stored_as_given(int? days)
    {
        var app = shared.App;
        using var owner = await app.SignInAsync();
        DateTimeOffset? expires = days is null ? null : DateTimeOffset.UtcNow.AddDays(days.Value);
        var id = (await owner.CreateKeyAsync("k", expires, Scopes.Workflow.List))["id"]!.GetValue<string>();
        var listed = (await owner.ListKeysAsync()).Single(key => key!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(expires?.ToUnixTimeMilliseconds(), listed["expiresAt"]?.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Users_keys_scopes_expiry_and_last_use_survive_a_restart_on_the_same_file()
    {
        var path = KestrelHost.NewDatabasePath();
        string key, deletedKey, id;
        long lastUsed;
        await using (var first = await KeyManagementApp.StartAsync(path))
        {
            using var owner = await first.SignInAsync();
            var created = await owner.CreateKeyAsync("survivor", DateTimeOffset.UtcNow.AddDays(7), Scopes.Credential.List, Scopes.Tag.Read);
            key = created["apiKey"]!.GetValue<string>();
            id = created["id"]!.GetValue<string>();
            var doomed = await owner.CreateKeyAsync("deleted before restart", null, Scopes.Tag.List);
            deletedKey = doomed["apiKey"]!.GetValue<string>();
            using (await owner.SendAsync("DELETE", "/rest/api-keys/" + doomed["id"]!.GetValue<string>()))
            {
            }

            Assert.Equal(HttpStatusCode.OK, await first.CallApiAsync("GET", "/api/v1/credentials", key));
            lastUsed = Assert.Single(await owner.ListKeysAsync())!["lastUsedAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds();
        }

        await using var second = await KeyManagementApp.StartAsync(path);
        using var again = await second.SignInAsync();
        var listed = Assert.Single(await again.ListKeysAsync())!;
        Assert.Equal(id, listed["id"]!.GetValue<string>());
        Assert.Equal("survivor", listed["label"]!.GetValue<string>());
        Assert.Equal(new[] { Scopes.Credential.List, Scopes.Tag.Read }, listed["scopes"]!.AsArray().Select(node => node!.GetValue<string>()));
        Assert.NotNull(listed["expiresAt"]);
        // Written on shutdown, though the flush interval (an hour) never came.
        Assert.Equal(lastUsed, listed["lastUsedAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());

        Assert.Equal(HttpStatusCode.OK, await second.CallApiAsync("GET", "/api/v1/tags/1", key));
        Assert.Equal(HttpStatusCode.Forbidden, await second.CallApiAsync("GET", "/api/v1/workflows", key));
        Assert.Equal(HttpStatusCode.Unauthorized, await second.CallApiAsync("GET", "/api/v1/tags", deletedKey));

        // The seeded users were not created twice.
        using var connection = new SqliteConnection("Data Source=" + path + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users;";
        Assert.Equal(2L, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task Thirty_two_parallel_clients_on_one_key_all_succeed_and_the_last_use_is_recorded_without_a_write_per_request()
    {
        var path = KestrelHost.NewDatabasePath();
        string id;
        DateTimeOffset lastWaveStarted;
        await using (var app = await KeyManagementApp.StartAsync(path, flushInterval: TimeSpan.FromHours(1)))
        {
            using var owner = await app.SignInAsync();
            var created = await owner.CreateKeyAsync("parallel-clients", null, Scopes.Workflow.List);
            var key = created["apiKey"]!.GetValue<string>();
            id = created["id"]!.GetValue<string>();

            var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
            lastWaveStarted = DateTimeOffset.MinValue;
            for (var wave = 0; wave < 5; wave++)
            {
                lastWaveStarted = DateTimeOffset.UtcNow;
                await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
                {
                    using var client = new HttpClient { BaseAddress = app.BaseAddress };
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workflows");
                    request.Headers.Add("X-N8N-API-KEY", key);
                    using var response = await client.SendAsync(request);
                    statuses.Add(response.StatusCode);
                }));
            }

            Assert.Equal(160, statuses.Count);
            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));

            var usage = app.Host.App.Services.GetRequiredService<ApiKeyUsage>();
            Assert.Equal(0, usage.FlushWrites);
            Assert.Null(usage.Stored(id));
            var listed = Assert.Single(await owner.ListKeysAsync())!["lastUsedAt"]!.GetValue<DateTimeOffset>();
            Assert.InRange(listed, lastWaveStarted.AddMilliseconds(-1), DateTimeOffset.UtcNow);
        }

        using var connection = new SqliteConnection("Data Source=" + path + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_used_at FROM api_keys WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        var stored = DateTimeOffset.FromUnixTimeMilliseconds((long)command.ExecuteScalar()!);
        Assert.True(stored >= lastWaveStarted.AddMilliseconds(-1), $"{stored:O} < {lastWaveStarted:O}");
    }

    [Fact]
    public async Task Parallel_recordings_keep_the_latest_time()
    {
        await using var app = await KeyManagementApp.StartAsync();
        var usage = app.Host.App.Services.GetRequiredService<ApiKeyUsage>();
        var start = DateTimeOffset.UtcNow;
        var times = Enumerable.Range(0, 32 * 100).Select(i => start.AddMilliseconds(i)).OrderBy(_ => Random.Shared.Next()).ToArray();
        Parallel.ForEach(Enumerable.Range(0, 32), new ParallelOptions { MaxDegreeOfParallelism = 32 }, client =>
        {
            for (var i = client; i < times.Length; i += 32)
            {
                usage.Record("key", times[i]);
            }
        });

        Assert.Equal(start.AddMilliseconds(32 * 100 - 1).ToUnixTimeMilliseconds(), usage.InMemory("key")!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task The_settings_page_is_served_with_its_script_and_a_strict_content_security_policy()
    {
        var app = shared.App;
        using var page = await app.Host.Client.GetAsync("/settings/api");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"key-label\">Label</label>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/settings/api/settings-api.js\"", html, StringComparison.Ordinal);

        using var script = await app.Host.Client.GetAsync("/settings/api/settings-api.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/rest/api-keys", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var style = await app.Host.Client.GetAsync("/settings/api/settings-api.css");
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_no_default_user_exists()
    {
        await using var app = await KeyManagementApp.StartAsync(environment: "Production", seedUsers: false);
        using var session = app.NewSession();
        using var login = await session.LoginAsync("owner@example.com", "owner-demo-password");
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(0L, Count(app.DatabasePath, "users"));
        Assert.Equal(0L, CountKeys(app.DatabasePath));
    }

    [Fact]
    public async Task In_Development_the_banner_prints_how_to_sign_in_and_the_demo_users_and_keys_work()
    {
        await using var app = await KeyManagementApp.StartAsync(environment: "Development", seedUsers: false);
        using var banner = new StringWriter();
        N8nApi.N8nApiApp.PrintBanner(app.Host.App, banner);
        var text = banner.ToString();
        Assert.Contains($"{app.BaseAddress.ToString().TrimEnd('/')}/settings/api", text, StringComparison.Ordinal);
        Assert.Contains("owner@example.com / owner-demo-password", text, StringComparison.Ordinal);
        Assert.Contains("member@example.com / member-demo-password", text, StringComparison.Ordinal);

        using var session = app.NewSession();
        using var login = await session.LoginAsync("owner@example.com", "owner-demo-password");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(2, (await session.ListKeysAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, await app.CallApiAsync("GET", "/api/v1/workflows", N8nApi.DemoKeys.ReadOnly));
        Assert.Equal(HttpStatusCode.Forbidden, await app.CallApiAsync("POST", "/api/v1/workflows", N8nApi.DemoKeys.ReadOnly, "{\"name\":\"demo\"}"));
        Assert.Equal(HttpStatusCode.Created, await app.CallApiAsync("POST", "/api/v1/workflows", N8nApi.DemoKeys.Full, "{\"name\":\"demo\"}"));
    }

    private static long CountKeys(string path) => Count(path, "api_keys");

    private static long Count(string path, string table)
    {
        using var connection = new SqliteConnection("Data Source=" + path + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)command.ExecuteScalar()!;
    }
}
