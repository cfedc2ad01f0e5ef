using System.IO;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using ScopeGen.OpenApi.Tests.Infrastructure;

namespace ScopeGen.OpenApi.Tests.Sample;

/// <summary>When the sample serves <c>/openapi/v1.json</c>: Development, or the OpenApi:Enabled flag; never otherwise.</summary>
public sealed class ServingTests
{
    [Fact]
    public async Task In_Development_the_document_is_served_without_a_key_and_the_banner_points_to_it()
    {
        var options = new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(N8nApi.N8nApiApp).Assembly.GetName().Name,
        };
        await using var host = await KestrelHost.StartAsync(N8nApi.N8nApiApp.Build(options, builder => KestrelHost.Prepare(builder)));

        var document = await host.GetDocumentAsync();
        Assert.Equal(69, DocumentOperations.Read(document).Count);

        using var banner = new StringWriter();
        N8nApi.N8nApiApp.PrintBanner(host.App, banner);
        Assert.Contains($"{host.Client.BaseAddress!.ToString().TrimEnd('/')}/openapi/v1.json", banner.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Outside_Development_without_the_flag_no_document_is_served(string? flag)
    {
        var app = N8nApi.N8nApiApp.Build(KestrelHost.Options(typeof(N8nApi.N8nApiApp).Assembly), builder =>
        {
            KestrelHost.Prepare(builder);
            if (flag is not null)
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [N8nApi.N8nApiApp.OpenApiEnabledKey] = flag });
            }
        });
        await using var host = await KestrelHost.StartAsync(app);

        var routes = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().Select(endpoint => endpoint.RoutePattern.RawText!);
        Assert.DoesNotContain(routes, route => route.Contains("openapi", StringComparison.OrdinalIgnoreCase));

        // No route: the fallback policy answers first, as for any unknown path.
        using var response = await host.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var banner = new StringWriter();
        N8nApi.N8nApiApp.PrintBanner(host.App, banner);
        Assert.DoesNotContain("openapi", banner.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
