using ScopeGen.Testing;
using ScopeGen.Tests.Helpers;

namespace ScopeGen.Tests;

/// <summary>The generated source, compared with committed <c>Snapshots/*.verified.cs</c> files.</summary>
public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void N8n_manifest()
    {
        var run = GeneratorRunner.Run(Manifests.N8n, Manifests.N8nPath, references: TestCompilation.NetCoreReferences);

        Assert.Empty(run.GeneratorDiagnostics);
        var (hintName, source) = Assert.Single(run.GeneratedSources);
        Assert.Equal("n8n.scopes.g.cs", hintName);
        Snapshot.Match(source, "N8n");
    }

    [Theory]
    [InlineData("Minimal", "resources:\n  workflow:\n    actions:\n      create:\n")]
    [InlineData("DeprecatedAndPresets", "namespace: Acme.Api\nclassName: ApiScopes\nresources:\n  workflow:\n    description: |\n      Workflow scopes.\n      Two lines & <markup>.\n    actions:\n      create: Create a workflow.\n      activate:\n        description: Activate a workflow.\n        deprecated: Use workflow:publish\n      publish: Publish.\n  credential:\n    actions:\n      read: Read a credential.\npresets:\n  readOnly:\n    description: Reads.\n    scopes: [\"*:read\"]\n  workflows:\n    scopes: [\"workflow:*\", \"credential:read\"]\n")]
    [InlineData("CustomSeparator", "namespace: Acme\nseparator: \"/\"\nresources:\n  data-table:\n    actions:\n      read_rows: Read rows.\n")]
    public void Small_manifests(string name, string manifest)
    {
        var run = GeneratorRunner.Run(manifest, "/project/api.scopes.yaml", properties: new Dictionary<string, string> { ["RootNamespace"] = "Root" }, references: TestCompilation.NetCoreReferences);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshot.Match(run.GeneratedSources.Values.Single(), name);
    }
}
