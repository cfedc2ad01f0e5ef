using System.Net.Http;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using N8n.Api;
using N8nApi.Keys;
using ScopeGen.AspNetCore.Tests.Infrastructure;

namespace ScopeGen.AspNetCore.Tests.Sample;

/// <summary>
/// The N8nApi sample on Kestrel with test keys: one per manifest scope, one with no scope, the
/// read-only and full presets, an expired key and the adversarial grants. Keys are random per run;
/// only their hashes go into the sample's database (a fresh file per server), as for any key.
/// </summary>
public sealed class N8nApiServer : IAsyncLifetime
{
    /// <summary>Grants that must never satisfy <c>workflow:create</c> (nor, for the comma/tab/newline joins, <c>workflow:read</c>).</summary>
    public static readonly string[] AdversarialGrants =
    {
        "Workflow:create",
        "WORKFLOW:CREATE",
        "workflow:creat",
        "workflow:createX",
        "xworkflow:create",
        "workflow:*",
        "*",
        "*:create",
        "workflow:read,workflow:create",
        "workflow:read\tworkflow:create",
        "workflow:read\nworkflow:create",
        "workflow:read\u00A0workflow:create",
        "workflow:create\u200B",
        "workflow\uFF1Acreate",
    };

    private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);
    private KestrelHost? host;

    public KestrelHost Host => host ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client => Host.Client;

    /// <summary>The key that holds exactly <paramref name="scope"/>.</summary>
    public string KeyFor(string scope) => keys["scope " + scope];

    public string NoScopeKey => keys["none"];

    public string ReadOnlyKey => keys["readOnly"];

    public string FullKey => keys["full"];

    public string ExpiredKey => keys["expired"];

    public string AdversarialKey(string grant) => keys["adversarial " + grant];

    /// <summary>A key issued before a rename: it holds the former string <c>workflow:deactivate</c> (now <c>workflow:activate</c>).</summary>
    public string FormerNameKey => keys["former"];

    /// <summary>Every plain key of this run, to check none is ever logged.</summary>
    public IEnumerable<string> AllKeys => keys.Values;

    public async Task InitializeAsync()
    {
        LogCapture? logs = null;
        var app = N8nApi.N8nApiApp.Build(KestrelHost.Options(typeof(N8nApi.N8nApiApp).Assembly), builder => logs = KestrelHost.Prepare(builder));

        // Keys go into the sample's database as hashes, like any key; grants are stored exactly as
        // written, so the adversarial ones reach the authorization handler unchanged.
        var now = DateTimeOffset.UtcNow;
        var owner = app.Services.GetRequiredService<UserStore>().Ensure("aspnetcore-tests@example.com", Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), "owner", now);
        var store = app.Services.GetRequiredService<ApiKeyStore>();
        void Add(string name, IEnumerable<string> scopes, DateTimeOffset expires)
        {
            var key = "test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
            keys[name] = key;
            store.Add(owner.Id, name, key, string.Join(' ', scopes), now.AddMinutes(-5), expires);
        }

        var future = now.AddDays(1);
        foreach (var scope in Scopes.All)
        {
            Add("scope " + scope, new[] { scope }, future);
        }

        Add("none", Array.Empty<string>(), future);
        Add("former", new[] { "workflow:deactivate" }, future);
        Add("readOnly", Scopes.Presets.ReadOnly, future);
        Add("full", Scopes.All, future);
        Add("expired", Scopes.All, now.AddMinutes(-1));
        foreach (var grant in AdversarialGrants)
        {
            Add("adversarial " + grant, new[] { grant }, future);
        }

        host = await KestrelHost.StartAsync(app, logs!);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class N8nApiServerCollection : ICollectionFixture<N8nApiServer>
{
    public const string Name = "N8nApi server";
}
