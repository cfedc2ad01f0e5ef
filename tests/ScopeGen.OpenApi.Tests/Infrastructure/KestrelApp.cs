using System.IO;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScopeGen.OpenApi.Tests.Infrastructure;

/// <summary>A WebApplication on a real Kestrel server, 127.0.0.1, a port the OS picks.</summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private KestrelApp(WebApplication app)
    {
        App = app;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Client = new HttpClient { BaseAddress = new Uri(addresses.Single(address => address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Options for a test app: the Testing environment, content root beside the tests.</summary>
    public static WebApplicationOptions Options(System.Reflection.Assembly applicationAssembly) => new()
    {
        EnvironmentName = "Testing",
        ContentRootPath = AppContext.BaseDirectory,
        ApplicationName = applicationAssembly.GetName().Name,
    };

    /// <summary>Random port on 127.0.0.1, warnings-only logging, a fresh SQLite file for the sample; call from a builder callback.</summary>
    public static void Prepare(WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:N8nApi"] = "Data Source=" + Path.Combine(Path.GetTempPath(), "scopegen-tests", Guid.NewGuid().ToString("N") + ".db"),
        });
    }

    public static async Task<KestrelApp> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return new KestrelApp(app);
    }

    /// <summary>The served OpenAPI document.</summary>
    public async Task<JsonObject> GetDocumentAsync(string path = "/openapi/v1.json")
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
