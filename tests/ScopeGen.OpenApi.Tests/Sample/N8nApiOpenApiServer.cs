using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using N8n.Api;
using N8nApi.Auth;
using ScopeGen.OpenApi.Tests.Infrastructure;

namespace ScopeGen.OpenApi.Tests.Sample;

/// <summary>
/// The N8nApi sample on Kestrel with <c>OpenApi:Enabled=true</c> (Testing environment) and test keys:
/// one per manifest scope, one without scopes and one with the <c>full</c> preset. Keys are random per
/// run; only their hashes go into configuration, as in the sample.
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

    /// <summary>Configuration entries for <paramref name="keys"/>' hashes, as N8nApi reads them.</summary>
    public static Dictionary<string, string?> KeySettings(IEnumerable<(string Name, string Key, string[] Scopes, string[] Presets)> keys)
    {
        var settings = new Dictionary<string, string?>();
        var index = 0;
        foreach (var (name, key, scopes, presets) in keys)
        {
            var prefix = $"{ApiKeyStoreOptions.SectionName}:Keys:{index++}:";
            settings[prefix + "Label"] = name;
            settings[prefix + "Sha256"] = ApiKeyStore.HashHex(key);
            settings[prefix + "ExpiresAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O");
            for (var i = 0; i < scopes.Length; i++)
            {
                settings[prefix + "Scopes:" + i] = scopes[i];
            }

            for (var i = 0; i < presets.Length; i++)
            {
                settings[prefix + "Presets:" + i] = presets[i];
            }
        }

        return settings;
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

        var settings = KeySettings(entries);
        settings[N8nApi.N8nApiApp.OpenApiEnabledKey] = "true";
        var app = N8nApi.N8nApiApp.Build(KestrelHost.Options(typeof(N8nApi.N8nApiApp).Assembly), builder =>
        {
            KestrelHost.Prepare(builder);
            builder.Configuration.AddInMemoryCollection(settings);
        });
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
