using System.Threading.Tasks;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// The SCOPE001 code fix's guess (<see cref="ScopeInference"/>): the resource from the route's literal
/// segments or the type's name, the action from a last segment that names one, else from the verb.
/// </summary>
public class ScopeInferenceTests
{
    private const string Manifest = """
        version: 1
        namespace: Infer.Api
        resources:
          workflow:
            actions:
              list: {}
              read: {}
              create: {}
              update: {}
              delete: {}
              activate: {}
          dataTable:
            actions:
              list: {}
              read: {}
          dataTableRow:
            actions:
              upsert: {}
              read: {}
              delete: {}
          dataModel:
            actions:
              read: {}
              update: {}
          model:
            actions:
              list: {}
              read: {}
          tag:
            actions:
              list: {}
              create: {}
          bulkImport:
            actions:
              list: {}
              create: {}
              import: {}
          securityAudit:
            actions:
              generate: {}
        """;

    /// <summary>Resources named like the route prefixes that name no resource, so that reading one as a resource shows.</summary>
    private const string DecoyManifest = """
        version: 1
        namespace: Decoy.Api
        resources:
          workflow:
            actions:
              list: {}
              read: {}
          api:
            actions:
              read: {}
          v:
            actions:
              read: {}
          v1:
            actions:
              read: {}
          v2:
            actions:
              read: {}
          version:
            actions:
              read: {}
          vp9:
            actions:
              read: {}
          x509:
            actions:
              read: {}
          v1beta1:
            actions:
              read: {}
          v2alpha:
            actions:
              read: {}
          v1x:
            actions:
              read: {}
          vbeta:
            actions:
              read: {}
        """;

    private const string AmbiguousManifest = """
        version: 1
        namespace: Ambiguous.Api
        resources:
          securityAudit:
            actions:
              read: {}
          billingAudit:
            actions:
              read: {}
          workflow:
            actions:
              read: {}
        """;

    private static ScopeIndex Index(string yaml = Manifest) =>
        ScopeIndex.Build(new[] { ("/p/x.scopes.yaml", yaml) }, rootNamespace: null);

    private static string? InferredValue(string? route, string? verb, string? controller = null, string yaml = Manifest) =>
        ScopeInference.Infer(Index(yaml), route, verb, controller).Inferred?.Value;

    private static string? ResourceName(string? route, string? verb, string? controller = null, string yaml = Manifest) =>
        ScopeInference.Infer(Index(yaml), route, verb, controller).Resource?.Name;

    [Theory]
    [InlineData("GET", "/api/v1/workflows", "workflow:list")]
    [InlineData("HEAD", "/api/v1/workflows", "workflow:list")]
    [InlineData("get", "/workflows", "workflow:list")]
    [InlineData("GET", "/api/v1/workflows/{id}", "workflow:read")]
    [InlineData("HEAD", "/workflows/{id:guid}", "workflow:read")]
    [InlineData("POST", "/workflows", "workflow:create")]
    [InlineData("PUT", "/workflows/{id}", "workflow:update")]
    [InlineData("PATCH", "/workflows/{id}", "workflow:update")]
    [InlineData("DELETE", "/workflows/{id}", "workflow:delete")]
    [InlineData("PUT", "/data-tables/{id}/rows/{rowId}", "dataTableRow:upsert")]
    [InlineData("PATCH", "/data-tables/{id}/rows/{rowId}", "dataTableRow:upsert")]
    [InlineData("GET", "/data-tables/{id}/rows", "dataTableRow:read")]
    [InlineData("GET", "/tags/{id}", "tag:list")]
    [InlineData("GET", "/workflows/recent", "workflow:list")]
    [InlineData("POST", "/workflows/{id}/activate", "workflow:activate")]
    [InlineData("POST", "/api/workflows/{id}/Activate", "workflow:activate")]
    public void The_action_comes_from_a_last_segment_naming_one_else_from_the_verb(string verb, string route, string expected)
    {
        Assert.Equal(expected, InferredValue(route, verb));
    }

    [Theory]
    [InlineData("GET", "/bulk/imports", "bulkImport:list")]
    [InlineData("POST", "/api/v1/bulk/imports", "bulkImport:create")]
    [InlineData("POST", "/bulk-imports", "bulkImport:create")]
    [InlineData("POST", "/bulk/{id}/import", "bulkImport:create")]
    public void The_segment_that_names_the_resource_is_not_read_as_its_action(string verb, string route, string expected)
    {
        Assert.Equal(expected, InferredValue(route, verb));
    }

    [Theory]
    [InlineData("/workflows/{id}")]
    [InlineData("workflows/{id}/")]
    [InlineData("workflows//{id}")]
    [InlineData("~/workflows/{id}")]
    [InlineData("/ workflows / {id} ")]
    [InlineData("/workflows/{id}/~")]
    public void Empty_and_tilde_segments_are_ignored(string route)
    {
        Assert.Equal("workflow:read", InferredValue(route, "GET"));
    }

    [Fact]
    public void A_resource_with_one_action_gets_that_action_whatever_the_verb()
    {
        Assert.Equal("securityAudit:generate", InferredValue("/audit", "GET"));
        Assert.Equal("securityAudit:generate", InferredValue("/security-audit", "POST"));
        Assert.Equal("securityAudit:generate", InferredValue("/audit", null));
    }

    [Fact]
    public void A_verb_whose_action_the_resource_lacks_infers_no_scope_but_offers_the_resource_scopes_in_manifest_order()
    {
        var result = ScopeInference.Infer(Index(), "/data-tables/{id}", "DELETE", null);

        Assert.Equal("dataTable", result.Resource?.Name);
        Assert.Null(result.Inferred);
        Assert.Equal(new[] { "dataTable:list", "dataTable:read" }, result.Candidates.Select(s => s.Value));
        Assert.Null(InferredValue("/workflows", null));
        Assert.Null(InferredValue("/workflows", "OPTIONS"));
    }

    [Fact]
    public void The_inferred_scope_is_offered_first_then_the_other_scopes_in_manifest_order()
    {
        var result = ScopeInference.Infer(Index(), "/workflows/{id}", "DELETE", null);

        Assert.Equal(
            new[] { "workflow:delete", "workflow:list", "workflow:read", "workflow:create", "workflow:update", "workflow:activate" },
            result.Candidates.Select(s => s.Value));
    }

    [Theory]
    [InlineData("/data-tables", "dataTable")]
    [InlineData("/data-tables/{id}/rows", "dataTableRow")]
    [InlineData("/data-tables/{id}/rows/{rowId}", "dataTableRow")]
    [InlineData("/dataTables/{id}/Rows", "dataTableRow")]
    [InlineData("/data_tables/{id}/rows", "dataTableRow")]
    [InlineData("/workflows/{id}/tags", "tag")]
    [InlineData("/api/v2/data/tables", "dataTable")]
    [InlineData("/audit", "securityAudit")]
    public void The_resource_is_the_longest_run_of_literal_segments_naming_one(string route, string expected)
    {
        Assert.Equal(expected, ResourceName(route, "GET"));
    }

    [Fact]
    public void A_suffix_shared_by_several_resources_names_none_of_them()
    {
        Assert.Null(ResourceName("/audit", "GET", yaml: AmbiguousManifest));
        Assert.Equal("workflow", ResourceName("/audit", "GET", "WorkflowsController", AmbiguousManifest));
        Assert.Equal("securityAudit", ResourceName("/security-audits", "GET", yaml: AmbiguousManifest));
    }

    [Theory]
    [InlineData("WorkflowsController", "workflow")]
    [InlineData("workflowscontroller", "workflow")]
    [InlineData("WorkflowsHub", "workflow")]
    [InlineData("WorkflowService", "workflow")]
    [InlineData("WorkflowsModel", "workflow")]
    [InlineData("Workflows", "workflow")]
    [InlineData("DataModelController", "dataModel")]
    [InlineData("DataTablesController", "dataTable")]
    [InlineData("ModelsController", "model")]
    [InlineData("Model", "model")]
    public void Without_a_resource_in_the_route_it_comes_from_the_type_name_without_its_kind(string typeName, string expected)
    {
        Assert.Equal(expected, ResourceName(null, "GET", typeName));
        Assert.Equal(expected, ResourceName("/api/v1/{id}", "GET", typeName));
    }

    [Fact]
    public void The_route_resource_wins_over_the_type_name()
    {
        Assert.Equal("dataTable", ResourceName("/data-tables", "GET", "WorkflowsController"));
        Assert.Null(ResourceName("/health", "GET", "HealthController"));
    }

    [Theory]
    [InlineData(null, "GET", "workflow:list")]
    [InlineData("", "GET", "workflow:list")]
    [InlineData("{id}", "GET", "workflow:read")]
    [InlineData("{id}", "PUT", "workflow:update")]
    [InlineData("activate", "POST", "workflow:activate")]
    [InlineData("{id}/activate", "POST", "workflow:activate")]
    [InlineData("{id}/history", "GET", "workflow:list")]
    public void With_the_resource_from_the_type_name_every_route_segment_counts_for_the_action(string? route, string verb, string expected)
    {
        Assert.Equal(expected, InferredValue(route, verb, "WorkflowsController"));
    }

    [Theory]
    [InlineData("/api", "workflow")]
    [InlineData("/API", "workflow")]
    [InlineData("/v1", "workflow")]
    [InlineData("/V2", "workflow")]
    [InlineData("/v10", "workflow")]
    [InlineData("/api/v1/{id}", "workflow")]
    [InlineData("/v", "v")]
    [InlineData("/version", "version")]
    [InlineData("/vp9", "vp9")]
    [InlineData("/x509", "x509")]
    [InlineData("/v1beta1", "workflow")]
    [InlineData("/V2Alpha", "workflow")]
    [InlineData("/v2.1", "workflow")]
    [InlineData("/v1RC2/{id}", "workflow")]
    [InlineData("/v1x", "v1x")]
    [InlineData("/vbeta", "vbeta")]
    [InlineData("/v1.", "v1")]
    public void Only_api_and_versions_are_skipped_as_naming_no_resource(string route, string expected)
    {
        Assert.Equal(expected, ResourceName(route, "GET", "WorkflowsController", DecoyManifest));
    }

    [Fact]
    public async Task A_route_naming_no_resource_gives_no_resource_and_no_candidates()
    {
        var index = Index();
        var inference = Task.Run(() => ScopeInference.Infer(index, "/api/v1/health/{id}/ping", "GET", null), TestContext.Current.CancellationToken);

        var finished = await Task.WhenAny(inference, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));

        Assert.Same(inference, finished);
        var result = await inference;
        Assert.Null(result.Resource);
        Assert.Null(result.Inferred);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData("data-tables", "datatable")]
    [InlineData("data_tables", "datatable")]
    [InlineData("DataTables", "datatable")]
    [InlineData("dataTable", "datatable")]
    [InlineData("workflows-tags", "workflowtag")]
    [InlineData("WorkflowsTags", "workflowtag")]
    [InlineData("exportCSV", "exportcsv")]
    [InlineData("APIKeys", "apikey")]
    [InlineData("companies", "company")]
    [InlineData("ies", "ie")]
    [InlineData("classes", "class")]
    [InlineData("boxes", "box")]
    [InlineData("address", "address")]
    [InlineData("status", "status")]
    [InlineData("os", "os")]
    [InlineData("iOS", "ios")]
    [InlineData("workflow", "workflow")]
    public void Names_are_normalized_to_lower_case_singular_words_run_together(string name, string expected)
    {
        Assert.Equal(expected, ScopeInference.Normalize(name));
    }
}
