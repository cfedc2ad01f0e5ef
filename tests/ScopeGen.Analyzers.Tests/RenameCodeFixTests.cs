using System.Threading.Tasks;
using ScopeGen.Analyzers.CodeFixes;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>SCOPE002 knows renames: the n8n manifest renames <c>workflow:deactivate</c> to <c>workflow:activate</c>.</summary>
public class RenameCodeFixTests
{
    [Theory]
    [InlineData("\"workflow:deactivate\"")]
    [InlineData("Scopes.Workflow.Deactivate")]
    public async Task A_former_name_is_reported_as_renamed_and_fixed_to_the_new_constant(string argument)
    {
        var document = CodeFixHarness.CreateDocument($$"""
            using Microsoft.AspNetCore.Builder;
            using N8n.Api;

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
            #pragma warning disable CS0618
                    app.MapPost("/workflows/{id}/deactivate", (string id) => id).RequireScope({{argument}});
                }
            }
            """);

        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE002"));
        Assert.Equal("'workflow:deactivate' is not a scope defined in the manifest; it was renamed to 'workflow:activate'", diagnostic.GetMessage());
        var actions = await CodeFixHarness.ActionsAsync(document, new ReplaceWithScopeConstantCodeFixProvider(), diagnostic);
        Assert.Equal("Replace with Scopes.Workflow.Activate", Assert.Single(actions).Title);
        var fixedSource = await CodeFixHarness.ApplyAsync(document, actions[0]);
        Assert.Contains(".RequireScope(Scopes.Workflow.Activate);", fixedSource);
    }

    [Fact]
    public async Task A_former_name_unlike_any_live_scope_is_fixed_to_the_scope_it_became()
    {
        // The replacement is the rename's target, not the live scope nearest in spelling ("report:read").
        var manifest = """
            version: 1
            namespace: Renamed.Api
            resources:
              report:
                actions:
                  read: {}
                  export:
                    renamedFrom: legacy:download
            """;
        var document = CodeFixHarness.CreateDocument("""
            using Microsoft.AspNetCore.Builder;

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/reports", () => "x").RequireScope("legacy:download");
                }
            }
            """, manifest);

        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE002"));
        Assert.Equal("'legacy:download' is not a scope defined in the manifest; it was renamed to 'report:export'", diagnostic.GetMessage());
        Assert.Equal("Scopes.Report.Export", diagnostic.Properties[ScopeAnalyzer.ReplacementProperty]);
    }

    [Fact]
    public async Task A_near_miss_of_a_former_name_is_still_a_typo_of_a_live_scope()
    {
        var document = CodeFixHarness.CreateDocument("""
            using Microsoft.AspNetCore.Builder;

            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapPost("/workflows/{id}/activate", (string id) => id).RequireScope("workflow:activat");
                }
            }
            """);

        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE002"));
        Assert.Equal("'workflow:activat' is not a scope defined in the manifest; did you mean 'workflow:activate'?", diagnostic.GetMessage());
    }
}
