using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScopeGen.Browser.Tests;

/// <summary>The N8nApi sample on Kestrel, 127.0.0.1, a random port, a fresh SQLite file, one owner with a random password.</summary>
public sealed class SampleServer : IAsyncDisposable
{
    public const string OwnerEmail = "owner@browser.example";

    private SampleServer(WebApplication app, string password, string databasePath)
    {
        App = app;
        OwnerPassword = password;
        DatabasePath = databasePath;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single(address => address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string OwnerPassword { get; }

    public string DatabasePath { get; }

    public static async Task<SampleServer> StartAsync()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var databasePath = ScopeGen.Testing.Hosting.TestDatabases.NewPath();
        var options = new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(N8nApi.N8nApiApp).Assembly.GetName().Name,
        };
        var app = N8nApi.N8nApiApp.Build(options, builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:N8nApi"] = "Data Source=" + databasePath,
                ["Users:Seed:0:Email"] = OwnerEmail,
                ["Users:Seed:0:Password"] = password,
                ["Users:Seed:0:Role"] = "owner",
            });
        });
        await app.StartAsync();
        return new SampleServer(app, password, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
