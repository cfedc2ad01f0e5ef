using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using N8n.Api;
using Microsoft.Extensions.DependencyInjection;
using N8nApi.Keys;
using ScopeGen.OpenApi.Tests.Infrastructure;

namespace ScopeGen.OpenApi.Tests.Sample;

/// <summary>
/// The N8nApi sample on Kestrel with <c>OpenApi:Enabled=true</c> (Testing environment) and test keys:
/// one per manifest scope, one without scopes and one with the <c>full</c> preset. Keys are random per
/// run; only their hashes go into the sample's database, as for any key.
/// </summary>
public sealed class N8nApiOpenApiServer : IAsyncLifetime
{
    private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);
    private KestrelHost? host;
    private JsonObject? document;

    public KestrelHost Host => host ?? throw new InvalidOperationException("Not started.");

    /// <summary>The document as served at <c>/openapi/v1.json</c>, fetched once.</summary>
    public JsonObject Document => document ?? throw new InvalidOperationException("Not started.");

    /// <summary>The key that holds exactly <paramref name="scope"/>.</summary>
    public string KeyFor(string scope) => keys["scope " + scope];

    public string NoScopeKey => keys["none"];

    public string FullKey => keys["full"];

    /// <summary>Stores <paramref name="keys"/> in the sample's database (hashes only), owned by one test user.</summary>
    public static void StoreKeys(WebApplication app, IEnumerable<(string Name, string Key, string[] Scopes, string[] Presets)> keys)
    {
        var now = DateTimeOffset.UtcNow;
        var owner = app.Services.GetRequiredService<UserStore>().Ensure("openapi-tests@example.com", Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), "owner", now);
        var store = app.Services.GetRequiredService<ApiKeyStore>();
        foreach (var (name, key, scopes, presets) in keys)
        {
            var granted = scopes.Concat(presets.SelectMany(preset => Scopes.Presets.TryGetScopes(preset, out var expanded) ? expanded : throw new ArgumentException(preset))).Distinct(StringComparer.Ordinal);
            store.Add(owner.Id, name, key, string.Join(' ', granted), now, now.AddDays(1));
        }
    }

    public async Task InitializeAsync()
    {
        var entries = new List<(string Name, string Key, string[] Scopes, string[] Presets)>();
        void Add(string name, string[] scopes, string[] presets)
        {
            var key = "test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
            keys[name] = key;
            entries.Add((name, key, scopes, presets));
        }

        foreach (var scope in Scopes.All)
        {
            Add("scope " + scope, new[] { scope }, Array.Empty<string>());
        }

        Add("none", Array.Empty<string>(), Array.Empty<string>());
        Add("full", Array.Empty<string>(), new[] { "full" });

        var app = N8nApi.N8nApiApp.Build(KestrelHost.Options(typeof(N8nApi.N8nApiApp).Assembly), builder =>
        {
            KestrelHost.Prepare(builder);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [N8nApi.N8nApiApp.OpenApiEnabledKey] = "true" });
        });
        StoreKeys(app, entries);
        host = await KestrelHost.StartAsync(app);
        document = await host.GetDocumentAsync();
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
public sealed class N8nApiOpenApiServerCollection : ICollectionFixture<N8nApiOpenApiServer>
{
    public const string Name = "N8nApi OpenAPI server";
}
