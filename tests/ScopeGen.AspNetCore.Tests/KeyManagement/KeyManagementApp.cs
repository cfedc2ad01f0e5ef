using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using N8nApi.Auth;
using ScopeGen.AspNetCore.Tests.Infrastructure;

namespace ScopeGen.AspNetCore.Tests.KeyManagement;

/// <summary>A clock the test moves; starts at the real time.</summary>
public sealed class TestClock : TimeProvider
{
    private long ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

/// <summary>
/// The N8nApi sample on Kestrel (127.0.0.1, random port) on a given SQLite file, with an owner and a
/// member (random passwords, Users:Seed) and, when given, a test clock. Stop and start it again on
/// the same file to test what survives a restart.
/// </summary>
public sealed class KeyManagementApp : IAsyncDisposable
{
    public const string OwnerEmail = "owner@test.example";
    public const string MemberEmail = "member@test.example";

    private KeyManagementApp(KestrelHost host, string databasePath, string ownerPassword, string memberPassword)
    {
        Host = host;
        DatabasePath = databasePath;
        OwnerPassword = ownerPassword;
        MemberPassword = memberPassword;
    }

    public KestrelHost Host { get; }

    public string DatabasePath { get; }

    public string OwnerPassword { get; }

    public string MemberPassword { get; }

    public Uri BaseAddress => Host.BaseAddress;

    public static async Task<KeyManagementApp> StartAsync(
        string? databasePath = null,
        TimeProvider? clock = null,
        string environment = "Testing",
        TimeSpan? flushInterval = null,
        string ownerPassword = "owner-pw-" + "0123456789",
        string memberPassword = "member-pw-" + "0123456789",
        bool seedUsers = true,
        IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        databasePath ??= KestrelHost.NewDatabasePath();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:N8nApi"] = "Data Source=" + databasePath,
            ["ApiKeys:LastUsedFlushInterval"] = (flushInterval ?? TimeSpan.FromHours(1)).ToString("c"),
        };
        if (seedUsers)
        {
            settings["Users:Seed:0:Email"] = OwnerEmail;
            settings["Users:Seed:0:Password"] = ownerPassword;
            settings["Users:Seed:0:Role"] = "owner";
            settings["Users:Seed:1:Email"] = MemberEmail;
            settings["Users:Seed:1:Password"] = memberPassword;
            settings["Users:Seed:1:Role"] = "member";
        }

        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        var options = KestrelHost.Options(typeof(N8nApi.N8nApiApp).Assembly);
        options = new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = options.ContentRootPath, ApplicationName = options.ApplicationName };
        LogCapture? logs = null;
        var app = N8nApi.N8nApiApp.Build(options, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            logs = KestrelHost.Prepare(builder);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        var host = await KestrelHost.StartAsync(app, logs!);
        return new KeyManagementApp(host, databasePath, ownerPassword, memberPassword);
    }

    /// <summary>A browser-like client: its own cookie jar.</summary>
    public Session NewSession() => new(BaseAddress);

    /// <summary>A session signed in as the owner or the member.</summary>
    public async Task<Session> SignInAsync(bool owner = true)
    {
        var session = NewSession();
        using var response = await session.LoginAsync(owner ? OwnerEmail : MemberEmail, owner ? OwnerPassword : MemberPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return session;
    }

    /// <summary>Calls the public API with an API key.</summary>
    public async Task<HttpStatusCode> CallApiAsync(string method, string path, string? key, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Host.Client.SendAsync(request);
        return response.StatusCode;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>One cookie jar against the app: the antiforgery token and the session cookie.</summary>
public sealed class Session : IDisposable
{
    private readonly HttpClient client;
    private string? token;

    public Session(Uri baseAddress)
    {
        client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = baseAddress };
    }

    public HttpClient Client => client;

    /// <summary>Fetches a fresh antiforgery token (bound to the session's current user).</summary>
    public async Task<string> RefreshTokenAsync()
    {
        var body = await client.GetFromJsonAsync<JsonObject>("/rest/antiforgery");
        token = body!["token"]!.GetValue<string>();
        return token;
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        await RefreshTokenAsync();
        var response = await SendAsync("POST", "/rest/login", new JsonObject { ["email"] = email, ["password"] = password });
        await RefreshTokenAsync();
        return response;
    }

    /// <summary>Sends with the antiforgery token unless <paramref name="withToken"/> is false.</summary>
    public async Task<HttpResponseMessage> SendAsync(string method, string path, JsonNode? body = null, bool withToken = true, string? tokenOverride = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (withToken)
        {
            request.Headers.TryAddWithoutValidation("X-XSRF-TOKEN", tokenOverride ?? token ?? await RefreshTokenAsync());
        }

        return await client.SendAsync(request);
    }

    public async Task<JsonArray> ListKeysAsync()
    {
        using var response = await client.GetAsync("/rest/api-keys");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    /// <summary>Creates a key and returns the 201 body (the key is in <c>apiKey</c>).</summary>
    public async Task<JsonObject> CreateKeyAsync(string label, DateTimeOffset? expiresAt, params string[] scopes)
    {
        using var response = await SendAsync("POST", "/rest/api-keys", CreateBody(label, expiresAt, scopes));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static JsonObject CreateBody(string? label, DateTimeOffset? expiresAt, IEnumerable<string>? scopes) => new()
    {
        ["label"] = label,
        ["expiresAt"] = expiresAt?.ToString("O"),
        ["scopes"] = scopes is null ? null : new JsonArray(scopes.Select(scope => (JsonNode?)JsonValue.Create(scope)).ToArray()),
    };

    public void Dispose() => client.Dispose();
}
