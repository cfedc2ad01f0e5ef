using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScopeGen.Analyzers.Tests.Helpers;
using ScopeGen.Testing;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// The manifest index is cached across compilations (the IDE starts one per keystroke). A stale index would
/// check scopes against a manifest that is no longer there: each compilation must see its own.
/// </summary>
[Collection(nameof(ManifestCacheSequence))]
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

    [Fact]
    public void A_second_manifest_added_to_the_project_is_read()
    {
        var one = ScopeIndex.Load(Options(("/p/a.scopes.yaml", Manifest("read: {}"))), TestContext.Current.CancellationToken);
        var two = ScopeIndex.Load(Options(("/p/a.scopes.yaml", Manifest("read: {}")), ("/p/b.scopes.yaml", OtherManifest)), TestContext.Current.CancellationToken);

        Assert.False(one!.TryGetScope("invoice:send", out _));
        Assert.True(two!.TryGetScope("invoice:send", out _));
    }

    [Fact]
    public void A_manifest_moved_to_another_path_is_located_at_the_new_one()
    {
        // Same content, new path: SCOPE008 must point at the file that is there now.
        var before = ScopeIndex.Load(Options(("/p/old/api.scopes.yaml", Manifest("read: {}"))), TestContext.Current.CancellationToken);
        var after = ScopeIndex.Load(Options(("/p/new/api.scopes.yaml", Manifest("read: {}"))), TestContext.Current.CancellationToken);

        Assert.Equal("/p/old/api.scopes.yaml", Assert.Single(before!.Declarations).Path);
        Assert.Equal("/p/new/api.scopes.yaml", Assert.Single(after!.Declarations).Path);
    }

    /// <summary>Fresh options (the per-options cache misses), so the cross-compilation cache decides.</summary>
    private static AnalyzerOptions Options(params (string Path, string Text)[] manifests) => new(
        manifests.Select(m => (AdditionalText)new InMemoryAdditionalText(m.Path, m.Text)).ToImmutableArray(),
        TestOptionsProvider.FromProperties(null));

    private const string OtherManifest = """
        version: 1
        resources:
          invoice:
            actions:
              send: {}
        """;

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

/// <summary>The cache is one per process: the tests that read it in turn run alone, or another test's manifest could replace it between their two reads.</summary>
[CollectionDefinition(nameof(ManifestCacheSequence), DisableParallelization = true)]
public sealed class ManifestCacheSequence
{
}
