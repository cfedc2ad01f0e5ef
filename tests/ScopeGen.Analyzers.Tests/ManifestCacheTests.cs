using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// The manifest index is cached across compilations (the IDE starts one per keystroke). A stale index would
/// check scopes against a manifest that is no longer there: each compilation must see its own.
/// </summary>
public class ManifestCacheTests
{
    private const string Source = """
        using Microsoft.AspNetCore.Builder;

        public static class Api
        {
            public static void Configure(WebApplication app) => app.MapGet("/reports", () => "x").RequireScope("report:read");
        }
        """;

    [Fact]
    public async Task An_edited_manifest_is_read_again()
    {
        var before = await AnalyzerHarness.RunAsync(new[] { Source }, Manifest("read: {}"));
        var after = await AnalyzerHarness.RunAsync(new[] { Source }, Manifest("list: {}"));

        Assert.Equal("SCOPE003", Assert.Single(before.Diagnostics, d => d.Id is "SCOPE002" or "SCOPE003").Id);
        Assert.Equal("SCOPE002", Assert.Single(after.Diagnostics, d => d.Id is "SCOPE002" or "SCOPE003").Id);
    }

    [Fact]
    public async Task A_changed_root_namespace_is_read_again_trimmed()
    {
        // A manifest without `namespace:` puts Scopes in the project's RootNamespace; the fix must name that one.
        var first = await AnalyzerHarness.RunAsync(new[] { Source }, Manifest("read: {}"), properties: new Dictionary<string, string> { ["RootNamespace"] = "First.App" });
        var second = await AnalyzerHarness.RunAsync(new[] { Source }, Manifest("read: {}"), properties: new Dictionary<string, string> { ["RootNamespace"] = " Second.App " });
        var none = await AnalyzerHarness.RunAsync(new[] { Source }, Manifest("read: {}"), properties: new Dictionary<string, string> { ["RootNamespace"] = " " });

        Assert.Equal("First.App", NamespaceOfFix(first));
        Assert.Equal("Second.App", NamespaceOfFix(second));
        Assert.Equal(string.Empty, NamespaceOfFix(none));
    }

    private static string? NamespaceOfFix(AnalysisRun run) =>
        Assert.Single(run.Diagnostics, d => d.Id == "SCOPE003").Properties[ScopeAnalyzer.NamespaceProperty];

    private static string Manifest(string action) => $$"""
        version: 1
        resources:
          report:
            actions:
              {{action}}
        """;
}
