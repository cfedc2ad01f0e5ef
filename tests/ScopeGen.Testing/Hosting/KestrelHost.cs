using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ScopeGen.Testing.Hosting;

/// <summary>
/// A host (a <see cref="WebApplication"/> or a generic host) on a real Kestrel server, 127.0.0.1, a port the
/// OS picks: how the security tests meet the app, the way an attacker would.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    /// <summary>The URL to listen on: loopback, any free port.</summary>
    public const string LoopbackUrl = "http://127.0.0.1:0";

    private KestrelHost(IHost host, LogCapture logs)
    {
        Host = host;
        Logs = logs;
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single(address => address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public IHost Host { get; }

    /// <summary>The host as a <see cref="WebApplication"/> (throws for a generic host).</summary>
    public WebApplication App => (WebApplication)Host;

    public IServiceProvider Services => Host.Services;

    public LogCapture Logs { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Options for a test app: the Testing environment (no demo keys), content root beside the tests.</summary>
    /// <param name="applicationAssembly">The assembly MVC looks for controllers (and Razor for pages) in by default.</param>
    public static WebApplicationOptions Options(System.Reflection.Assembly applicationAssembly) => new()
    {
        EnvironmentName = "Testing",
        ContentRootPath = AppContext.BaseDirectory,
        ApplicationName = applicationAssembly.GetName().Name,
    };

    /// <summary>A fresh SQLite file path for the N8nApi sample, in this test process's folder (see <see cref="TestDatabases"/>).</summary>
    public static string NewDatabasePath() => TestDatabases.NewPath();

    /// <summary>
    /// Adds the random-port URL, a log capture (every level) and, unless the test set one, a fresh database
    /// for the N8nApi sample (its default file would be shared by every test); call from a builder callback.
    /// </summary>
    public static LogCapture Prepare(WebApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString("N8nApi");
        if (string.IsNullOrEmpty(connection) || connection == "Data Source=n8n-sample.db")
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:N8nApi"] = "Data Source=" + NewDatabasePath() });
        }

        builder.WebHost.UseUrls(LoopbackUrl);
        return CaptureLogs(builder.Logging);
    }

    /// <summary>Replaces the logging providers with a capture of every level.</summary>
    public static LogCapture CaptureLogs(ILoggingBuilder logging)
    {
        var logs = new LogCapture();
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Debug);
        logging.AddProvider(logs);
        return logs;
    }

    /// <summary>Starts <paramref name="host"/> (which must listen on <see cref="LoopbackUrl"/>).</summary>
    public static async Task<KestrelHost> StartAsync(IHost host, LogCapture? logs = null)
    {
        await host.StartAsync();
        return new KestrelHost(host, logs ?? new LogCapture());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        if (Host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            Host.Dispose();
        }
    }
}
