using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using N8n.Api;
using ScopeGen.OpenApi.Tests.Infrastructure;

namespace ScopeGen.OpenApi.Tests.Sample;

/// <summary>
/// n8n's parity test, against a running server: for every endpoint of the sample, the scopes its served
/// OpenAPI document states equal the scopes the authorization middleware enforces, found by probing the
/// operation with no key, a key without scopes, one key per manifest scope and the full key.
/// </summary>
[Collection(N8nApiOpenApiServerCollection.Name)]
public sealed partial class ParityTests
{
    private readonly N8nApiOpenApiServer server;

    public ParityTests(N8nApiOpenApiServer server)
    {
        this.server = server;
    }

    [Fact]
    public void The_document_describes_every_endpoint_of_the_app_and_nothing_else()
    {
        // The app's real endpoint list, less what is excluded from descriptions (the document's own route).
        var served = ((IEndpointRouteBuilder)server.Host.App).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText!.Trim('/')}"))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        var documented = DocumentOperations.Read(server.Document).Select(operation => operation.ToString()).OrderBy(name => name, StringComparer.Ordinal).ToList();

        Assert.Equal(served, documented);
        Assert.Equal(69, documented.Count);
        Assert.Contains("GET /healthz", documented);
    }

    [Fact]
    public async Task Every_operation_requires_exactly_the_scopes_the_document_states()
    {
        var operations = DocumentOperations.Read(server.Document);
        var mismatches = new List<string>();
        foreach (var operation in operations)
        {
            Assert.NotNull(operation.AllOf);
            var noKey = await SendAsync(operation, null);
            if (IsRefused(noKey) == operation.AllowAnonymous)
            {
                mismatches.Add($"{operation} without a key: {(int)noKey}, the document says {(operation.AllowAnonymous ? "anonymous" : "protected")}");
            }

            if (operation.AllowAnonymous)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.Unauthorized, noKey);
            var noScope = await SendAsync(operation, server.NoScopeKey);
            if (IsRefused(noScope) != operation.AllOf!.Count > 0)
            {
                mismatches.Add($"{operation} with a key without scopes: {(int)noScope}");
            }

            var full = await SendAsync(operation, server.FullKey);
            if (IsRefused(full))
            {
                mismatches.Add($"{operation} with the full key: {(int)full}");
            }

            foreach (var scope in Scopes.All)
            {
                var status = await SendAsync(operation, server.KeyFor(scope));
                var documented = operation.AllOfSatisfiedBy(new[] { scope });
                if (IsRefused(status) == documented)
                {
                    mismatches.Add($"{operation} with a '{scope}' key: {(int)status}, the document says {(documented ? "allowed" : "refused")}");
                }

                if (status == HttpStatusCode.Unauthorized)
                {
                    mismatches.Add($"{operation} with a valid '{scope}' key: 401");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Equal(68, operations.Count(operation => !operation.AllowAnonymous));
    }

    [Fact]
    public void The_security_requirement_names_the_same_scopes_as_x_required_scopes()
    {
        foreach (var operation in DocumentOperations.Read(server.Document).Where(operation => !operation.AllowAnonymous))
        {
            Assert.NotNull(operation.Security);
            Assert.All(operation.Security!, requirement => Assert.Equal(new[] { "ApiKey" }, requirement.Keys));
            foreach (var scope in Scopes.All)
            {
                Assert.Equal(operation.AllOfSatisfiedBy(new[] { scope }), operation.SecuritySatisfiedBy(new[] { scope }, "ApiKey"));
            }

            Assert.Equal("Unauthorized: no valid credential was presented.", operation.Responses["401"]);
            Assert.Equal("Forbidden: the credential lacks a scope this operation requires.", operation.Responses["403"]);
        }
    }

    [Fact]
    public void The_health_check_is_marked_anonymous()
    {
        var health = DocumentOperations.Single(server.Document, "GET", "/healthz");

        Assert.True(health.AllowAnonymous);
        Assert.Empty(health.AllOf!);
        Assert.NotNull(health.Security);
        Assert.Empty(health.Security!);
        Assert.DoesNotContain("401", health.Responses.Keys);
        Assert.DoesNotContain("403", health.Responses.Keys);
    }

    [Fact]
    public void Each_operation_of_the_sample_requires_the_scope_n8n_requires()
    {
        // Spot checks against the manifest constants: controller attributes, minimal APIs, the group convention.
        Assert.Equal(new[] { new[] { Scopes.Workflow.List } }, DocumentOperations.Single(server.Document, "GET", "/api/v1/workflows").AllOf);
        Assert.Equal(new[] { new[] { Scopes.Workflow.Activate } }, DocumentOperations.Single(server.Document, "POST", "/api/v1/workflows/{id}/deactivate").AllOf);
        Assert.Equal(new[] { new[] { Scopes.DataTableRow.Upsert } }, DocumentOperations.Single(server.Document, "POST", "/api/v1/data-tables/{id}/rows/upsert").AllOf);
        Assert.Equal(new[] { new[] { Scopes.SourceControl.Pull } }, DocumentOperations.Single(server.Document, "POST", "/api/v1/source-control/pull").AllOf);
    }

    [Fact]
    public void The_document_lists_the_API_key_scheme_and_every_manifest_scope()
    {
        var scheme = server.Document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-N8N-API-KEY", scheme["name"]!.GetValue<string>());

        var scopes = server.Document["x-scopes"]!.AsObject();
        Assert.Equal(Scopes.All, scopes.Select(pair => pair.Key));
        Assert.All(scopes, pair =>
        {
            Assert.True(Scopes.TryGetDescription(pair.Key, out var description));
            Assert.Equal(description, pair.Value!.GetValue<string>());
        });
    }

    [Fact]
    public async Task The_document_is_public()
    {
        using var response = await server.Host.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void The_document_matches_the_snapshot()
    {
        ScopeGen.Testing.Snapshot.Match(DocumentOperations.Canonical(server.Document), "N8nApi", "json");
    }

    private static bool IsRefused(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>
    /// Calls the operation with every route parameter set to 1 and no body: authorization runs before
    /// binding, so anything but 401/403 (200, 201, 400, 404, 415) means the key was let through.
    /// </summary>
    private async Task<HttpStatusCode> SendAsync(DocumentOperation operation, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), RouteParameter().Replace(operation.Path, "1"));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-N8N-API-KEY", key);
        }

        using var response = await server.Host.Client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
