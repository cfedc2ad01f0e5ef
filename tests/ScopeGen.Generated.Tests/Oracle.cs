using System.IO;
using ScopeGen.Manifest;

namespace ScopeGen.Generated.Tests;

/// <summary>The manifests as the manifest library reads them: the expectation, independent of the generated code.</summary>
internal static class Oracle
{
    public static ScopeClassModel N8n { get; } = Load("n8n.scopes.yaml");

    /// <summary>renames.scopes.yaml: the RenamedScopes class.</summary>
    public static ScopeClassModel Renamed { get; } = Load("renames.scopes.yaml");

    /// <summary>tiny.scopes.yaml: the TinyScopes class.</summary>
    public static ScopeClassModel Tiny { get; } = Load("tiny.scopes.yaml");

    private static ScopeClassModel Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, file);
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (path, File.ReadAllText(path)) }, null);
        Assert.Empty(diagnostics);
        return Assert.Single(catalog.Classes);
    }
}
