using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ScopeGen.Robustness.Tests.Harness;

/// <summary>
/// Reference assemblies of the frameworks the generated code must build for, restored by the project
/// file (NETStandard.Library 2.0.3, Microsoft.NETCore.App.Ref and Microsoft.AspNetCore.App.Ref 8.0)
/// and located through the assembly metadata it writes.
/// </summary>
internal static class ReferencePacks
{
    private static readonly Lazy<MetadataReference[]> NetStandard20Lazy = new(() => Load("NetStandard20Ref"));
    private static readonly Lazy<MetadataReference[]> Net8Lazy = new(() => Load("NetCore8Ref"));
    private static readonly Lazy<MetadataReference[]> AspNetCore8Lazy = new(() => Load("NetCore8Ref").Concat(Load("AspNetCore8Ref")).ToArray());

    /// <summary>netstandard.dll and its facades.</summary>
    public static IReadOnlyList<MetadataReference> NetStandard20 => NetStandard20Lazy.Value;

    /// <summary>The .NET 8 reference pack.</summary>
    public static IReadOnlyList<MetadataReference> Net8 => Net8Lazy.Value;

    /// <summary>The .NET 8 and ASP.NET Core 8 reference packs.</summary>
    public static IReadOnlyList<MetadataReference> AspNetCore8 => AspNetCore8Lazy.Value;

    private static MetadataReference[] Load(string key)
    {
        var directory = typeof(ReferencePacks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value!;
        var files = Directory.GetFiles(directory, "*.dll");
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"No reference assemblies in {directory}: restore the test project.");
        }

        return files.OrderBy(file => file, StringComparer.Ordinal).Select(file => (MetadataReference)MetadataReference.CreateFromFile(file)).ToArray();
    }
}
