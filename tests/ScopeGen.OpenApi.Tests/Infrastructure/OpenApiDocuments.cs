using System.Text.Json.Nodes;

namespace ScopeGen.OpenApi.Tests.Infrastructure;

/// <summary>Reads a served OpenAPI document.</summary>
public static class OpenApiDocuments
{
    /// <summary>The served OpenAPI document.</summary>
    public static async Task<JsonObject> GetDocumentAsync(this KestrelHost host, string path = "/openapi/v1.json")
    {
        using var response = await host.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
