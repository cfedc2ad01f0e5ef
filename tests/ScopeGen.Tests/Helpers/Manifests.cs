using System.IO;

namespace ScopeGen.Tests.Helpers;

internal static class Manifests
{
    /// <summary>The reference manifest, copied beside the test assembly.</summary>
    public static string N8n => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "n8n.scopes.yaml"));

    public const string N8nPath = "/repo/manifest/n8n.scopes.yaml";
}
