using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ScopeGen.OpenApi.Tests.Api;
using ScopeGen.OpenApi.Tests.Infrastructure;

namespace ScopeGen.OpenApi.Tests.Transformer;

/// <summary>The transformer's output for every way of stating scopes, and the options, on real apps over HTTP.</summary>
public sealed class TransformerTests
{
    private const string Read = Scopes.Report.Read;
    private const string List = Scopes.Report.List;
    private const string Create = Scopes.Report.Create;
    private const string KeyList = Scopes.ApiKey.List;
    private const string Rotate = Scopes.ApiKey.Rotate;

    public static TheoryData<string, string, string[][]> ExpectedScopes => new()
    {
        { "GET", "/any", new[] { new[] { Read, List } } },
        { "GET", "/all", new[] { new[] { Read }, new[] { Rotate } } },
        { "GET", "/mixed", new[] { new[] { Read, List }, new[] { Rotate } } },
        { "GET", "/redundant", new[] { new[] { Read } } },
        { "GET", "/lambda", new[] { new[] { Create } } },
        { "GET", "/keys", new[] { new[] { KeyList } } },
        { "POST", "/keys/rotate", new[] { new[] { KeyList }, new[] { Rotate } } },
        { "GET", "/policy/scope", new[] { new[] { Rotate } } },
        { "GET", "/policy/preset", new[] { new[] { KeyList }, new[] { Rotate } } },
        { "GET", "/policy/object", new[] { new[] { Create } } },
        { "GET", "/authenticated", Array.Empty<string[]>() },
        { "GET", "/role", Array.Empty<string[]>() },
        { "POST", "/reports", new[] { new[] { Read }, new[] { Create }, new[] { List } } },
    };

    [Theory]
    [MemberData(nameof(ExpectedScopes))]
    public async Task x_required_scopes_states_the_all_of_any_of_structure(string method, string path, string[][] expected)
    {
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseApiKeyHeader(ScopeHeaderAuthenticationHandler.HeaderName));
        var operation = DocumentOperations.Single(await app.GetDocumentAsync(), method, path);

        Assert.False(operation.AllowAnonymous);
        Assert.Equal(Canonical(expected), Canonical(operation.AllOf!));
        Assert.Equal("Unauthorized: no valid credential was presented.", operation.Responses["401"]);
    }

    [Theory]
    [InlineData("GET", "/keys/open")]
    [InlineData("GET", "/unprotected")]
    [InlineData("GET", "/reports/public")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task Anonymous_operations_need_no_scope_and_no_credential(string method, string path)
    {
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseApiKeyHeader(ScopeHeaderAuthenticationHandler.HeaderName));
        var document = await app.GetDocumentAsync();
        if (path == "/openapi/v1.json")
        {
            // The document's own endpoint is excluded from descriptions.
            Assert.DoesNotContain(DocumentOperations.Read(document), operation => operation.Path == path);
            return;
        }

        var operation = DocumentOperations.Single(document, method, path);
        Assert.True(operation.AllowAnonymous);
        Assert.Empty(operation.AllOf!);
        Assert.Empty(operation.Security!);
        Assert.DoesNotContain("401", operation.Responses.Keys);
        Assert.DoesNotContain("403", operation.Responses.Keys);
    }

    [Fact]
    public async Task A_fallback_policy_makes_an_endpoint_without_scopes_protected()
    {
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseApiKeyHeader(ScopeHeaderAuthenticationHandler.HeaderName), fallbackRequiresAuthentication: true);
        var operation = DocumentOperations.Single(await app.GetDocumentAsync(), "GET", "/unprotected");

        Assert.False(operation.AllowAnonymous);
        Assert.Empty(operation.AllOf!);
        Assert.Contains("401", operation.Responses.Keys);
        Assert.DoesNotContain("403", operation.Responses.Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(app, operation, null));
    }

    [Fact]
    public async Task The_enforced_scopes_equal_the_documented_ones_for_every_combination_of_granted_scopes()
    {
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseApiKeyHeader(ScopeHeaderAuthenticationHandler.HeaderName));
        var operations = DocumentOperations.Read(await app.GetDocumentAsync());
        var subsets = Enumerable.Range(0, 1 << Scopes.All.Count)
            .Select(mask => (IReadOnlyCollection<string>)Scopes.All.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            .ToList();
        var mismatches = new List<string>();
        foreach (var operation in operations.Where(operation => operation.Path != "/role"))
        {
            var anonymous = await SendAsync(app, operation, null);
            if ((anonymous == HttpStatusCode.Unauthorized) == operation.AllowAnonymous)
            {
                mismatches.Add($"{operation} without credentials: {(int)anonymous}");
            }

            foreach (var granted in subsets)
            {
                var status = await SendAsync(app, operation, granted);
                var documented = operation.AllowAnonymous || operation.AllOfSatisfiedBy(granted);
                if ((status == HttpStatusCode.OK) != documented)
                {
                    mismatches.Add($"{operation} granted [{string.Join(' ', granted)}]: {(int)status}, the document says {(documented ? "allowed" : "refused")}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(operations.Count >= 18, operations.Count.ToString());
    }

    [Fact]
    public async Task Security_requirements_are_the_alternatives_of_x_required_scopes()
    {
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseApiKeyHeader(ScopeHeaderAuthenticationHandler.HeaderName));
        var document = await app.GetDocumentAsync();
        var subsets = Enumerable.Range(0, 1 << Scopes.All.Count)
            .Select(mask => (IReadOnlyCollection<string>)Scopes.All.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            .ToList();

        foreach (var operation in DocumentOperations.Read(document).Where(operation => !operation.AllowAnonymous && operation.Path != "/many"))
        {
            Assert.All(operation.Security!, requirement => Assert.Equal(new[] { "ApiKey" }, requirement.Keys));
            Assert.All(subsets, granted => Assert.Equal(operation.AllOfSatisfiedBy(granted), operation.SecuritySatisfiedBy(granted, "ApiKey")));
        }

        Assert.Equal(new[] { new[] { Read }, new[] { List } }, SecurityScopes(document, "GET", "/any"));
        Assert.Equal(new[] { new[] { Read, Rotate }, new[] { List, Rotate } }, SecurityScopes(document, "GET", "/mixed"));
        Assert.Equal(new[] { new[] { Read } }, SecurityScopes(document, "GET", "/redundant"));
        Assert.Equal(new[] { Array.Empty<string>() }, SecurityScopes(document, "GET", "/authenticated"));

        // Past MaxSecurityAlternatives: the credential is still required, x-required-scopes alone gives the scopes.
        Assert.Equal(new[] { Array.Empty<string>() }, SecurityScopes(document, "GET", "/many"));
        Assert.Equal(5, DocumentOperations.Single(document, "GET", "/many").AllOf!.Count);
    }

    [Fact]
    public async Task Forbidden_is_documented_where_an_authenticated_caller_can_be_refused()
    {
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseApiKeyHeader(ScopeHeaderAuthenticationHandler.HeaderName));
        var document = await app.GetDocumentAsync();

        Assert.Equal("Forbidden: the credential lacks a scope this operation requires.", DocumentOperations.Single(document, "GET", "/any").Responses["403"]);
        Assert.Contains("403", DocumentOperations.Single(document, "GET", "/role").Responses.Keys);
        Assert.DoesNotContain("403", DocumentOperations.Single(document, "GET", "/authenticated").Responses.Keys);

        // A 403 the endpoint documents itself is left alone.
        Assert.Equal("Forbidden", DocumentOperations.Single(document, "GET", "/documented-403").Responses["403"]);
    }

    [Fact]
    public async Task The_descriptions_of_401_and_403_are_configurable()
    {
        await using var app = await ShapesApp.StartAsync(scopes =>
        {
            scopes.UnauthorizedDescription = "Log in.";
            scopes.ForbiddenDescription = "Ask for the scope.";
        });
        var operation = DocumentOperations.Single(await app.GetDocumentAsync(), "GET", "/any");

        Assert.Equal("Log in.", operation.Responses["401"]);
        Assert.Equal("Ask for the scope.", operation.Responses["403"]);
    }

    [Fact]
    public async Task Without_a_scheme_there_is_no_security_but_the_scopes_are_stated()
    {
        await using var app = await ShapesApp.StartAsync(null);
        var document = await app.GetDocumentAsync();
        var any = DocumentOperations.Single(document, "GET", "/any");

        Assert.Null(document["components"]?["securitySchemes"]);
        Assert.Null(any.Security);
        Assert.Equal(new[] { new[] { Read, List } }, any.AllOf);
        Assert.Contains("401", any.Responses.Keys);
        Assert.NotNull(document["x-scopes"]);
    }

    [Fact]
    public async Task An_API_key_scheme_names_the_header()
    {
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseApiKeyHeader("X-Acme-Key", "AcmeKey"));
        var document = await app.GetDocumentAsync();
        var scheme = document["components"]!["securitySchemes"]!["AcmeKey"]!;

        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Acme-Key", scheme["name"]!.GetValue<string>());
        Assert.Equal(new[] { new[] { Read }, new[] { List } }, SecurityScopes(document, "GET", "/any", "AcmeKey"));
    }

    [Fact]
    public async Task An_OAuth2_scheme_lists_every_manifest_scope_with_its_description_in_each_flow()
    {
        var configured = new OpenApiOAuthFlows
        {
            ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("https://auth.example.com/token") },
            AuthorizationCode = new OpenApiOAuthFlow
            {
                AuthorizationUrl = new Uri("https://auth.example.com/authorize"),
                TokenUrl = new Uri("https://auth.example.com/token"),
                Scopes = new Dictionary<string, string> { ["openid"] = "Sign in." },
            },
        };
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseOAuth2(configured));
        var document = await app.GetDocumentAsync();
        var again = await app.GetDocumentAsync();

        // Each document gets its own copy of the flows: the configured ones are never filled in.
        Assert.Null(configured.ClientCredentials.Scopes);
        Assert.Equal(new[] { "openid" }, configured.AuthorizationCode.Scopes.Keys);
        Assert.Equal(document.ToJsonString(), again.ToJsonString());
        var flows = document["components"]!["securitySchemes"]!["OAuth2"]!["flows"]!;
        var expected = Scopes.All.ToDictionary(scope => scope, scope => Scopes.TryGetDescription(scope, out var description) ? description : throw new InvalidOperationException());

        Assert.Equal("oauth2", document["components"]!["securitySchemes"]!["OAuth2"]!["type"]!.GetValue<string>());
        Assert.Equal(expected, ScopeMap(flows["clientCredentials"]!["scopes"]!));
        Assert.Equal(expected.Append(KeyValuePair.Create("openid", "Sign in.")).ToDictionary(), ScopeMap(flows["authorizationCode"]!["scopes"]!));
        Assert.Equal("Read a report.", ScopeMap(document["x-scopes"]!)[Read]);
        Assert.Equal(new[] { new[] { Read, Rotate }, new[] { List, Rotate } }, SecurityScopes(document, "GET", "/mixed", "OAuth2"));
    }

    [Fact]
    public async Task A_bearer_scheme_is_http_bearer()
    {
        await using var app = await ShapesApp.StartAsync(scopes => scopes.UseBearer());
        var document = await app.GetDocumentAsync();
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;

        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.Equal("JWT", scheme["bearerFormat"]!.GetValue<string>());
        Assert.Equal(new[] { new[] { Create } }, SecurityScopes(document, "GET", "/lambda", "Bearer"));
    }

    [Fact]
    public void Scheme_helpers_refuse_empty_names()
    {
        var options = new ScopeGen.AspNetCore.ScopeOpenApiOptions();

        Assert.Throws<ArgumentException>(() => options.UseApiKeyHeader(""));
        Assert.Throws<ArgumentException>(() => options.UseApiKeyHeader("X-Key", ""));
        Assert.Throws<ArgumentNullException>(() => options.UseOAuth2(null!));
        Assert.Null(options.SecuritySchemeName);
    }

    [Fact]
    public void The_manifest_scopes_are_listed_in_manifest_order_with_descriptions()
    {
        var scopes = ScopeGen.AspNetCore.ScopeOpenApiTransformer.ManifestScopes();

        Assert.Equal(Scopes.All, scopes.Keys);
        Assert.Equal("Rotate an API key.", scopes[Rotate]);
    }

    private static string[][] Canonical(IEnumerable<IEnumerable<string>> sets) =>
        sets.Select(set => set.OrderBy(scope => scope, StringComparer.Ordinal).ToArray())
            .OrderBy(set => string.Join(' ', set), StringComparer.Ordinal)
            .ToArray();

    private static string[][] SecurityScopes(JsonObject document, string method, string path, string scheme = "ApiKey") =>
        DocumentOperations.Single(document, method, path).Security!.Select(requirement => requirement[scheme].ToArray()).ToArray();

    private static Dictionary<string, string> ScopeMap(JsonNode node) =>
        node.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>());

    private static async Task<HttpStatusCode> SendAsync(KestrelHost app, DocumentOperation operation, IReadOnlyCollection<string>? granted)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path);
        if (granted is not null)
        {
            request.Headers.TryAddWithoutValidation(ScopeHeaderAuthenticationHandler.HeaderName, string.Join(' ', granted));
        }

        using var response = await app.Client.SendAsync(request);
        return response.StatusCode;
    }
}
