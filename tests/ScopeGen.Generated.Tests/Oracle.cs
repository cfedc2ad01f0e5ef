using System.IO;
using ScopeGen.Manifest;

namespace ScopeGen.Generated.Tests;

/// <summary>The n8n manifest as the manifest library reads it: the expectation, independent of the generated code.</summary>
internal static class Oracle
{
    public static ScopeClassModel N8n { get; } = Load();

    private static ScopeClassModel Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "n8n.scopes.yaml");
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(new[] { (path, File.ReadAllText(path)) }, null);
        Assert.Empty(diagnostics);
        return Assert.Single(catalog.Classes);
    }
}
