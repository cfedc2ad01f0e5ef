using System.IO;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ScopeGen.AspNetCore.Tests.Infrastructure;

/// <summary>A WebApplication on a real Kestrel server, 127.0.0.1, a port the OS picks.</summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private KestrelHost(WebApplication app, LogCapture logs)
    {
        App = app;
        Logs = logs;
        BaseAddress = new Uri(N8nApi.N8nApiApp.Addresses(app).Single(address => address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public LogCapture Logs { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Options for a test app: the Testing environment (no demo keys), content root beside the tests.</summary>
    /// <param name="applicationAssembly">The assembly MVC looks for controllers in by default.</param>
    public static WebApplicationOptions Options(System.Reflection.Assembly applicationAssembly) => new()
    {
        EnvironmentName = "Testing",
        ContentRootPath = AppContext.BaseDirectory,
        ApplicationName = applicationAssembly.GetName().Name,
    };

    /// <summary>A fresh SQLite file path for the sample (a directory under the system's temp folder).</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "scopegen-tests", Guid.NewGuid().ToString("N") + ".db");

    /// <summary>Adds the random-port URL, the log capture and (unless one is set) a fresh database; call from a builder callback.</summary>
    public static LogCapture Prepare(WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString("N8nApi")) || builder.Configuration.GetConnectionString("N8nApi") == "Data Source=n8n-sample.db")
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:N8nApi"] = "Data Source=" + NewDatabasePath() });
        }

        var logs = new LogCapture();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        return logs;
    }

    public static async Task<KestrelHost> StartAsync(WebApplication app, LogCapture logs)
    {
        await app.StartAsync();
        return new KestrelHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
